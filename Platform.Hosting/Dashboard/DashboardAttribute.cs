namespace Platform.Hosting.Dashboard;

/// <summary>Names the <see cref="IDashboard"/> an assembly brings.</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class DashboardAttribute(Type dashboard) : Attribute
{
    public Type Dashboard { get; } = dashboard;
}
