using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Hosting.Health;

namespace Platform.Hosting.Projects;

/// <summary>
/// A project with an HTTP endpoint and no health check of its own is healthy once its <c>/health</c> answers 200 (the
/// readiness endpoint of ServiceDefaults), probed quickly (<see cref="ReadinessCheck"/>), so that what waits for it starts
/// as soon as it is ready rather than as soon as its process exists.
/// </summary>
internal static class ProjectHealth
{
    private const string Path = "/health";

    private static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };

    /// <summary>Registers a check for every project of the graph (the graph is known only when the checks are first needed).</summary>
    public static void Register(IServiceCollection services) =>
        services.AddOptions<HealthCheckServiceOptions>().Configure<DistributedApplicationModel>((options, model) =>
        {
            foreach (var project in model.Resources.OfType<ProjectResource>())
            {
                options.Registrations.Add(new HealthCheckRegistration(Key(project),
                    _ => new ReadinessCheck(cancellationToken => ProbeAsync(project, cancellationToken)), failureStatus: null, tags: null));
            }
        });

    /// <summary>Gives the project its check, unless it has one of its own or no HTTP endpoint.</summary>
    public static void Apply(ProjectResource project)
    {
        if (!project.HasAnnotationOfType<HealthCheckAnnotation>() && Endpoint(project) is not null)
        {
            project.Annotations.Add(new HealthCheckAnnotation(Key(project)));
        }
    }

    private static string Key(ProjectResource project) => $"{project.Name}_health_endpoint";

    private static EndpointAnnotation? Endpoint(ProjectResource project) =>
        project.Annotations.OfType<EndpointAnnotation>().FirstOrDefault(e => e.UriScheme == "http");

    private static async Task<HealthCheckResult> ProbeAsync(ProjectResource project, CancellationToken cancellationToken)
    {
        var url = await new EndpointReference(project, Endpoint(project)!.Name).GetValueAsync(cancellationToken);
        using var response = await Http.GetAsync(url + Path, cancellationToken);
        return response.IsSuccessStatusCode
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"{Path} answered {(int)response.StatusCode}");
    }
}
