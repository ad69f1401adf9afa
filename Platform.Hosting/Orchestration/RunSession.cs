using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Orchestration;

/// <summary>What every resource supervisor of one run shares.</summary>
internal sealed class RunSession(
    LocalRunOptions options,
    NativeTools tools,
    ProcessLauncher launcher,
    ResourceNotificationService notifications,
    ResourceLoggerService logs,
    DistributedApplicationExecutionContext executionContext,
    ServiceAccount? serviceAccount,
    TimeProvider time)
{
    public LocalRunOptions Options { get; } = options;
    public NativeTools Tools { get; } = tools;
    public ProcessLauncher Launcher { get; } = launcher;
    public ResourceNotificationService Notifications { get; } = notifications;
    public ResourceLoggerService Logs { get; } = logs;
    public DistributedApplicationExecutionContext ExecutionContext { get; } = executionContext;
    /// <summary>The account every child runs as: an unprivileged one when the AppHost runs as root, else none.</summary>
    public ServiceAccount? ServiceAccount { get; } = serviceAccount;

    /// <summary>The clock of probe schedules, restart delays and start timeouts: tests drive a fake one.</summary>
    public TimeProvider Time { get; } = time;

    public TimeSpan StartupTimeout => TimeSpan.FromSeconds(Options.StartupTimeoutSeconds);
    public TimeSpan StopTimeout => TimeSpan.FromSeconds(Options.StopTimeoutSeconds);

    /// <summary>The resource's last output lines, for a message that says why it failed.</summary>
    public string LastLogLines(IResource resource)
    {
        var lines = Logs.GetLog(resource.Name).Tail(20);
        return lines.Count == 0
            ? " It wrote no output."
            : $" Its last output:{Environment.NewLine}{string.Join(Environment.NewLine, lines.Select(l => "    " + l.Text))}";
    }

    public LocalRunContext CreateContext(IResource resource, int replica, Func<EndpointAnnotation, int> ports) => new()
    {
        Resource = resource,
        Replica = replica,
        InstanceId = $"{resource.Name}-{System.Security.Cryptography.RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 8)}",
        DataDirectory = Path.Combine(Options.DataDirectory, resource.Name),
        ToolsDirectory = Options.ToolsDirectory,
        Tools = Tools,
        Log = Logs.GetLog(resource.Name),
        ExecutionContext = ExecutionContext,
        ServiceAccount = ServiceAccount,
        PortResolver = ports,
        Launcher = Launcher,
    };
}
