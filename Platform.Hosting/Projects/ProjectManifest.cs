using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Publishing;
using Platform.Manifest;

namespace Platform.Hosting.Projects;

/// <summary>
/// A project in the manifest: <c>project.v0</c>, or for a run-once step (a resource others
/// <c>WaitForCompletion</c> on) the extension <c>platform.project.run-once.v0</c>: the same fields, plus
/// <c>completesBefore</c>, the resources that start only after it has exited with code 0.
/// </summary>
internal static class ProjectManifest
{
    public static void Write(ManifestPublishingContext context, ProjectResource project, IReadOnlyList<IResource> graph)
    {
        var writer = context.Writer;
        var runOnce = project.AnnotationsOf<RunOnceAnnotation>().Any();
        writer.WriteString("type", runOnce ? ManifestTypes.RunOnceProject : ManifestTypes.Project);
        writer.WriteString("path", context.GetManifestRelativePath(project.Project.ProjectPath));
        context.WriteArgs(project.AnnotationsOf<CommandLineArgsAnnotation>().SelectMany(a => a.Args));
        context.WriteEnvironment(project);
        if (!runOnce)
        {
            // A step that runs to completion serves nothing: no bindings (and no HTTP_PORTS, see AddProjectDefaults).
            context.WriteBindings(PublicAddress.PublishedEndpoints(project));
        }
        else
        {
            writer.WriteStartArray("completesBefore");
            foreach (var dependent in graph.Where(r => r.AnnotationsOf<WaitAnnotation>().Any(w => w.Resource == project && w.WaitType == WaitType.WaitForCompletion)))
            {
                writer.WriteStringValue(dependent.Name);
            }
            writer.WriteEndArray();
        }
    }
}
