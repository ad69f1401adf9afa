using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Hosting.Dashboard;

/// <summary>
/// The dashboard of a run. It lives in an assembly of its own (Platform.Hosting.Dashboard, as Aspire's dashboard is a
/// package of its own), which names its implementation with <see cref="DashboardAttribute"/>; the run finds it by name.
/// </summary>
public interface IDashboard
{
    /// <summary>Adds the dashboard's services to a run, before the orchestration's: it serves from the first moment, and
    /// sets the OTLP address and key the projects' environment reads (<see cref="Projects.OtlpEnvironment"/>).</summary>
    void AddTo(IServiceCollection services, ConfigurationManager configuration);
}
