using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Publishing;
using Platform.Manifest;

namespace Platform.Hosting.Projects;

/// <summary>
/// A run-once step in the manifest (<c>platform.project.run-once.v0</c>): a project entry that runs to completion before
/// the resources it names in <c>completesBefore</c>, which is what <c>WaitForCompletion</c> says in the AppHost. Aspire's
/// manifest keeps no waits, so a deployment could not otherwise tell a migration from a service.
/// </summary>
internal static class RunOnceManifest
{
    public static List<string> WaitersOf(DistributedApplicationModel model, IResource step) =>
        [.. model.Resources.Where(r => r.Annotations.OfType<WaitAnnotation>().Any(w => w.Resource == step && w.WaitType == WaitType.WaitForCompletion))
            .Select(r => r.Name)];

    public static async Task WriteAsync(ManifestPublishingContext context, ProjectResource project, IReadOnlyList<string> waiters)
    {
        context.Writer.WriteString("type", ManifestTypes.RunOnceProject);
        context.Writer.WriteString("path", context.GetManifestRelativePath(project.GetProjectMetadata().ProjectPath));
        await context.WriteCommandLineArgumentsAsync(project);
        await context.WriteEnvironmentVariablesAsync(project);
        context.WriteBindings(project);
        context.Writer.WriteStartArray("completesBefore");
        foreach (var waiter in waiters)
        {
            context.Writer.WriteStringValue(waiter);
        }
        context.Writer.WriteEndArray();
    }
}
