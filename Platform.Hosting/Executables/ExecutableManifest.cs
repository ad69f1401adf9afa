using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Publishing;
using Platform.Manifest;

namespace Platform.Hosting.Executables;

/// <summary>An executable in the manifest: <c>executable.v0</c>, its working directory relative to the manifest.</summary>
internal static class ExecutableManifest
{
    public static void Write(ManifestPublishingContext context, ExecutableResource executable)
    {
        context.Writer.WriteString("type", ManifestTypes.Executable);
        context.Writer.WriteString("workingDirectory", context.GetManifestRelativePath(executable.WorkingDirectory));
        context.Writer.WriteString("command", executable.Command);
        context.WriteArgs(executable.AnnotationsOf<CommandLineArgsAnnotation>().SelectMany(a => a.Args));
        context.WriteEnvironment(executable);
        context.WriteBindings(executable);
    }
}
