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

    /// <summary>The user that every child process runs as: an unprivileged one when the AppHost runs as root, else null
    /// (they run as the AppHost's user).</summary>
    public string? ServiceUser => ServiceAccount?.Name;

    internal ServiceAccount? ServiceAccount { get; init; }

    internal Func<EndpointAnnotation, int> PortResolver { get; init; } = null!;

    internal ProcessLauncher Launcher { get; init; } = null!;

    /// <summary>The port this replica listens on for <paramref name="endpoint"/>.</summary>
    public int PortOf(EndpointAnnotation endpoint) => PortResolver(endpoint);

    public int PortOf(string endpointName) =>
        PortOf(Resource.AnnotationsOf<EndpointAnnotation>().Single(e => e.Name == endpointName));

    /// <summary>Creates a private folder (mode 700) owned by <see cref="ServiceUser"/>, for a server that runs as that
    /// user. A folder that exists is given to that user with everything in it (data from a run as another user).</summary>
    public Task CreateServiceDirectoryAsync(string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(path);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        ServiceAccount?.TakeOwnership(path);
        return Task.CompletedTask;
    }

    /// <summary>Gives a folder with everything in it (a tool that the service user installs) to <see cref="ServiceUser"/>.</summary>
    public Task GiveToServiceUserAsync(string path, CancellationToken cancellationToken)
    {
        ServiceAccount?.TakeOwnership(path);
        return Task.CompletedTask;
    }

    /// <summary>Throws, naming the fix, when <see cref="ServiceUser"/> cannot read <paramref name="file"/>.</summary>
    internal void EnsureServiceUserCanRead(string file, string what) => ServiceAccount?.EnsureCanRead(file, what);

    /// <summary>Writes a file readable by its owner only from the moment it exists (made, then chmod-ed, it would be
    /// readable by everyone in between), owned by <see cref="ServiceUser"/>: for secrets a server reads.</summary>
    public async Task WritePrivateFileAsync(string path, string content, CancellationToken cancellationToken)
    {
        await using (var file = PrivateFile.Create(path))
        await using (var writer = new StreamWriter(file))
        {
            await writer.WriteAsync(content.AsMemory(), cancellationToken);
        }
        ServiceAccount?.TakeOwnership(path);
    }

    /// <summary>Runs a setup command to completion; a non-zero exit throws with the command's last output lines.</summary>
    public Task RunCommandAsync(ProcessSpec spec, CancellationToken cancellationToken) =>
        Launcher.RunToCompletionAsync(spec, Log, cancellationToken);
}
