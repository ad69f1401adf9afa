using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Orchestration;

/// <summary>What projects and executables share when they run: the launch of their process (environment, ports,
/// arguments) and their HTTP health check.</summary>
internal static class ProcessResources
{
    private static readonly HttpClient Probe = new(new SocketsHttpHandler
    {
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromSeconds(30),
    });

    public static async Task<ProcessSpec> CreateLaunchAsync(LocalRunContext context, string fileName, IEnumerable<string> leadingArguments,
        string? workingDirectory, Action<Dictionary<string, string>>? addEnvironment, CancellationToken cancellationToken)
    {
        var resource = context.Resource;
        var environment = (await EnvironmentEvaluation.ResolveAsync(resource, context.ExecutionContext, cancellationToken))
            .ToDictionary(pair => pair.Key, pair => ProcessTemplates.Fill(pair.Value, context), StringComparer.Ordinal);
        foreach (var endpoint in resource.AnnotationsOf<EndpointAnnotation>().Where(e => e.EnvironmentVariable is not null))
        {
            environment[endpoint.EnvironmentVariable!] = context.PortOf(endpoint).ToString(CultureInfo.InvariantCulture);
        }
        addEnvironment?.Invoke(environment);
        var arguments = leadingArguments.Concat(resource.AnnotationsOf<CommandLineArgsAnnotation>().SelectMany(a => a.Args));
        return new ProcessSpec(fileName, [.. arguments])
        {
            Environment = environment,
            WorkingDirectory = workingDirectory,
        };
    }

    /// <summary>Healthy when the resource's HTTP health endpoint answers 2xx; a resource without one is healthy while it runs.</summary>
    public static async Task<HealthStatus> CheckHttpHealthAsync(LocalRunContext context, CancellationToken cancellationToken)
    {
        if (!context.Resource.TryGetLastAnnotation<HttpHealthCheckAnnotation>(out var check))
        {
            return HealthStatus.Healthy;
        }
        var endpoint = context.Resource.AnnotationsOf<EndpointAnnotation>().Single(e => e.Name == check.EndpointName);
        using var response = await Probe.GetAsync($"{endpoint.Scheme}://localhost:{context.PortOf(endpoint)}{check.Path}", cancellationToken);
        return response.IsSuccessStatusCode ? HealthStatus.Healthy : HealthStatus.Unhealthy;
    }
}
