using System.Xml.Linq;
using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Orchestration;
using Platform.Hosting.Publishing;

namespace Platform.Hosting.Projects;

public static class ProjectBuilderExtensions
{
    /// <summary>Adds a project. A web project (SDK <c>Microsoft.NET.Sdk.Web</c>) gets an <c>http</c> endpoint and a
    /// <c>/health</c> check, as Aspire derives them from a web project's launch profile.</summary>
    public static IResourceBuilder<ProjectResource> AddProject<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new()
    {
        var metadata = new TProject();
        if (!File.Exists(metadata.ProjectPath))
        {
            throw new DistributedApplicationException(
                $"Project file '{metadata.ProjectPath}' of resource '{name}' was not found. Rebuild the AppHost after moving a project.");
        }
        var resource = new ProjectResource(name, metadata);
        var project = builder.AddResource(resource)
            .WithAnnotation(new LocalRunnerAnnotation(new ProjectRunner()))
            .WithEnvironment(context => AddProjectDefaults(context, resource, builder))
            .WithManifestPublishingCallback(context => ProjectManifest.Write(context, resource, builder.Resources));
        if (IsWebProject(metadata.ProjectPath))
        {
            project.WithHttpEndpoint().WithHttpHealthCheck();
        }
        return project;
    }

    /// <summary>The project's public address (see <see cref="PublicAddress"/>); call <c>WithExternalHttpEndpoints</c> first.</summary>
    public static PublicAddress GetPublicAddress(this IResourceBuilder<ProjectResource> builder) => new(builder.Resource);

    /// <summary>Runs <paramref name="replicas"/> copies; locally they share one address through a round-robin proxy.</summary>
    public static IResourceBuilder<ProjectResource> WithReplicas(this IResourceBuilder<ProjectResource> builder, int replicas)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);
        builder.Resource.Annotations.RemoveAll(a => a is ReplicaAnnotation);
        return builder.WithAnnotation(new ReplicaAnnotation(replicas));
    }

    /// <summary>The variables Aspire gives every project, in its order.</summary>
    private static void AddProjectDefaults(EnvironmentCallbackContext context, ProjectResource project, IDistributedApplicationBuilder builder)
    {
        var variables = context.EnvironmentVariables;
        variables["OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"] = "in_memory";
        OtlpEnvironment.Add(context, project, builder.Configuration, builder.Environment);
        var http = project.AnnotationsOf<EndpointAnnotation>().Where(e => e.Scheme == "http").ToList();
        if (context.ExecutionContext.IsPublishMode)
        {
            if (http.Count > 0 && !project.AnnotationsOf<RunOnceAnnotation>().Any())
            {
                variables["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true";
                variables["HTTP_PORTS"] = string.Join(";", http.Select(e => new EndpointReference(project, e.Name).Property(EndpointProperty.TargetPort).ValueExpression));
            }
            return;
        }
        variables["ASPNETCORE_ENVIRONMENT"] = builder.Environment.EnvironmentName;
        variables["DOTNET_ENVIRONMENT"] = builder.Environment.EnvironmentName;
        variables["DOTNET_SYSTEM_CONSOLE_ALLOW_ANSI_COLOR_REDIRECTION"] = "true";
        variables["LOGGING__CONSOLE__FORMATTERNAME"] = "simple";
    }

    private static bool IsWebProject(string projectPath) =>
        XDocument.Load(projectPath).Root?.Attribute("Sdk")?.Value.StartsWith("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase) == true;
}
