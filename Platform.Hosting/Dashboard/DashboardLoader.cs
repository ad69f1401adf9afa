using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Hosting.Dashboard;

/// <summary>
/// Loads the dashboard from the assembly the AppHost references, so that the model and the orchestrator carry no web
/// UI and no gRPC. Aspire finds its dashboard through the AppHost's build the same way, and stops when it is missing.
/// </summary>
internal static class DashboardLoader
{
    public const string AssemblyName = "Platform.Hosting.Dashboard";

    public static void AddTo(IServiceCollection services, ConfigurationManager configuration)
    {
        if (!configuration.GetValue("Dashboard:Enabled", defaultValue: true))
        {
            return;
        }
        Assembly assembly;
        try
        {
            assembly = Assembly.Load(AssemblyName);
        }
        catch (FileNotFoundException)
        {
            throw new DistributedApplicationException(
                $"The dashboard ({AssemblyName}) is not beside the AppHost. Add <ProjectReference Include=\"..\\{AssemblyName}\\{AssemblyName}.csproj\" /> " +
                "to the AppHost, or run without a dashboard: --Dashboard:Enabled=false.");
        }
        var dashboard = assembly.GetCustomAttribute<DashboardAttribute>()?.Dashboard
            ?? throw new DistributedApplicationException($"{AssemblyName} names no dashboard ([assembly: Dashboard(typeof(...))]).");
        ((IDashboard)Activator.CreateInstance(dashboard)!).AddTo(services, configuration);
    }
}
