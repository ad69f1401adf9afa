using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Orchestration;

/// <summary>What a runner knows about the run of one replica of one resource.</summary>
public sealed class LocalRunContext
{
    public required IResource Resource { get; init; }

    public required int Replica { get; init; }

    /// <summary>This replica's id for this run (<c>api-k3x9q2mz</c>): its OpenTelemetry <c>service.instance.id</c>.</summary>
    public required string InstanceId { get; init; }

    /// <summary>This resource's own folder under the data directory: kept between runs.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Shared across runs and data directories: installed tools such as the S3 emulator.</summary>
    public required string ToolsDirectory { get; init; }

    public required NativeTools Tools { get; init; }

    public required ResourceLog Log { get; init; }

    public required DistributedApplicationExecutionContext ExecutionContext { get; init; }

    /// <summary>The user that server processes run as: an unprivileged one when the AppHost runs as root.</summary>
    public string? ServiceUser { get; init; }

    internal Func<EndpointAnnotation, int> PortResolver { get; init; } = null!;

    internal ProcessLauncher Launcher { get; init; } = null!;

    /// <summary>The port this replica listens on for <paramref name="endpoint"/>.</summary>
    public int PortOf(EndpointAnnotation endpoint) => PortResolver(endpoint);

    public int PortOf(string endpointName) =>
        PortOf(Resource.AnnotationsOf<EndpointAnnotation>().Single(e => e.Name == endpointName));

    /// <summary>Creates a private folder (mode 700) owned by <see cref="ServiceUser"/>, for a server that runs as that user.</summary>
    public async Task CreateServiceDirectoryAsync(string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(path);
        await MakePrivateToServiceUserAsync(path, cancellationToken);
    }

    /// <summary>Makes a file or folder readable by its owner only, and gives it to <see cref="ServiceUser"/>.</summary>
    public async Task MakePrivateToServiceUserAsync(string path, CancellationToken cancellationToken)
    {
        File.SetUnixFileMode(path, Directory.Exists(path)
            ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            : UnixFileMode.UserRead | UnixFileMode.UserWrite);
        if (ServiceUser is { } user)
        {
            await RunCommandAsync(new ProcessSpec("chown", [$"{user}:", path]), cancellationToken);
        }
    }

    /// <summary>Runs a setup command to completion; a non-zero exit throws with the command's last output lines.</summary>
    public Task RunCommandAsync(ProcessSpec spec, CancellationToken cancellationToken) =>
        Launcher.RunToCompletionAsync(spec, Log, cancellationToken);
}
