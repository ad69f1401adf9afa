namespace Platform.Deployment.Aws.Alarms;

/// <summary>The dashboard's order: what users feel first, then what it depends on.</summary>
internal enum DashboardSection
{
    Services,
    Queues,
    Databases,
    Caches,
}
