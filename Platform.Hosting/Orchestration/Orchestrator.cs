using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Parameters;

namespace Platform.Hosting.Orchestration;

/// <summary>
/// Plays the part of Aspire's DCP with native processes: resolves parameters, allocates ports, starts every
/// resource as soon as what it waits for is ready (everything else in parallel), and stops them in reverse
/// dependency order. Start returns once every resource is healthy, or throws naming the one that is not.
/// </summary>
internal sealed class Orchestrator(
    DistributedApplicationModel model,
    IOptions<LocalRunOptions> options,
    ParameterResolver parameters,
    ResourceNotificationService notifications,
    ResourceLoggerService logs,
    DistributedApplicationExecutionContext executionContext,
    TimeProvider time,
    ILogger<Orchestrator> logger) : IHostedService
{
    private readonly Dictionary<IResource, ResourceSupervisor> _supervisors = [];
    private Watchdog? _watchdog;
    private volatile bool _stopping;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var runnable = model.Resources
            .Select(r => (Resource: r, Runner: r.TryGetLastAnnotation<LocalRunnerAnnotation>(out var a) ? a.Runner : null))
            .Where(r => r.Runner is not null)
            .ToList();

        var tools = new NativeTools();
        tools.Require(runnable.SelectMany(r => r.Runner!.RequiredTools).Append(NativeTools.Setsid)
            .Concat(ServiceAccount.IsNeeded ? [NativeTools.Setpriv, ServiceAccount.UserAdd] : []));
        DataDirectory.Prepare(options.Value);
        var account = ServiceAccount.IsNeeded ? await ServiceAccount.PrepareAsync(tools, DataDirectory.HomeOf(options.Value), cancellationToken) : null;
        if (account is not null)
        {
            DataDirectory.OpenTo(account, options.Value);
        }
        parameters.Resolve(model.Resources.OfType<ParameterResource>());
        AllocatePorts();

        _watchdog = new Watchdog(tools.PathOf(NativeTools.Setsid));
        var session = new RunSession(options.Value, tools, new ProcessLauncher(_watchdog, tools, account), notifications, logs, executionContext, account, time);
        foreach (var (resource, runner) in runnable)
        {
            _supervisors[resource] = new ResourceSupervisor(resource, runner!, session, r => _supervisors.GetValueOrDefault(r));
        }
        foreach (var supervisor in _supervisors.Values)
        {
            // Everything starts at once and each waits for its own dependencies; readiness is awaited below.
            _ = supervisor.StartAsync(CancellationToken.None);
        }

        try
        {
            await AllReadyAsync(cancellationToken);
            logger.LogInformation("All {Count} resources are up in {Seconds:0.0} s.", _supervisors.Count, started.Elapsed.TotalSeconds);
        }
        catch
        {
            await StopAsync(CancellationToken.None);
            throw;
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        foreach (var layer in model.Layers().Reverse())
        {
            await Task.WhenAll(layer.Select(r => _supervisors.GetValueOrDefault(r)?.StopAsync() ?? Task.CompletedTask));
        }
        _watchdog?.Dispose();
        _watchdog = null;
    }

    /// <summary>Stops one resource, and the resources inside it (a server's databases), innermost first. What
    /// waits for it keeps running: its own health checks show what the stop does to it.</summary>
    public async Task StopResourceAsync(IResource resource)
    {
        foreach (var supervisor in WithContents(resource).Reverse())
        {
            await supervisor.StopAsync();
        }
    }

    /// <summary>Starts one resource again, and the resources inside it. Each waits for its dependencies first,
    /// as at the first start. Returns once the resource is ready, has failed, or waits for a dependency.</summary>
    public async Task StartResourceAsync(IResource resource, CancellationToken cancellationToken)
    {
        await Task.WhenAll(WithContents(resource).Select(s => s.StartAsync(cancellationToken)));
    }

    /// <summary>Waits until the resource's current or next run is ready; throws if that run fails.</summary>
    public Task WaitUntilReadyAsync(IResource resource, CancellationToken cancellationToken) =>
        WithContents(resource)[0].WaitUntilReadyAsync(cancellationToken);

    private IReadOnlyList<ResourceSupervisor> WithContents(IResource resource)
    {
        if (_stopping)
        {
            throw new InvalidOperationException("The application is stopping.");
        }
        var contents = new List<ResourceSupervisor>();
        var pending = new Queue<IResource>([resource]);
        while (pending.TryDequeue(out var next))
        {
            contents.Add(_supervisors.GetValueOrDefault(next)
                ?? throw new ArgumentException($"Resource '{next.Name}' does not run locally (it is a value, such as a parameter).", nameof(resource)));
            foreach (var child in model.Resources.OfType<IResourceWithParent>().Where(c => c.Parent == next))
            {
                pending.Enqueue(child);
            }
        }
        return contents;
    }

    /// <summary>Waits for every resource; the first failure wins, since later ones are its consequences.</summary>
    private async Task AllReadyAsync(CancellationToken cancellationToken)
    {
        var pending = _supervisors.Values.Select(s => s.WaitUntilReadyAsync(cancellationToken)).ToList();
        while (pending.Count > 0)
        {
            var done = await Task.WhenAny(pending).WaitAsync(cancellationToken);
            await done;
            pending.Remove(done);
        }
    }

    private void AllocatePorts()
    {
        var endpoints = model.Resources.SelectMany(r => r.AnnotationsOf<EndpointAnnotation>()).ToList();
        var free = new Queue<int>(PortAllocator.Allocate(endpoints.Count(e => e.Port is null)));
        foreach (var endpoint in endpoints)
        {
            endpoint.Allocated = new AllocatedEndpoint(endpoint.Scheme, endpoint.LocalHost, endpoint.Port ?? free.Dequeue());
        }
    }
}
