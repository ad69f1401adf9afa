using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Orchestration;

/// <summary>
/// Runs one resource (README: "A resource's runs"): waits for what it depends on, starts its replicas
/// (<see cref="ReplicaLoop"/>), and stops it on request. A resource can be stopped and started again (a command from
/// the dashboard); each start is a new run with its own readiness, so that what waits for this resource waits for the
/// run in progress, and keeps waiting through a stop until the next start.
/// </summary>
internal sealed class ResourceSupervisor
{
    private readonly IResource _resource;
    private readonly ILocalRunner _runner;
    private readonly RunSession _session;
    private readonly Func<IResource, ResourceSupervisor?> _supervisorOf;
    private readonly bool _runOnce;
    private readonly Dictionary<EndpointAnnotation, int>[] _replicaPorts;
    private readonly ResourceStatus _status;
    private readonly List<ReplicaProxy> _proxies = [];
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _commands = new(1, 1);
    private ResourceRun _run = ResourceRun.NotStarted;
    private TaskCompletionSource _nextRun = ResourceRun.NewSignal();

    public ResourceSupervisor(IResource resource, ILocalRunner runner, RunSession session, Func<IResource, ResourceSupervisor?> supervisorOf)
    {
        _resource = resource;
        _runner = runner;
        _session = session;
        _supervisorOf = supervisorOf;
        _runOnce = resource.AnnotationsOf<RunOnceAnnotation>().Any();
        var count = resource.TryGetLastAnnotation<ReplicaAnnotation>(out var replicas) ? replicas.Replicas : 1;
        _replicaPorts = AssignReplicaPorts(resource, count);
        _status = new ResourceStatus(resource, session.Notifications, _replicaPorts);
    }

    public IResource Resource => _resource;

    /// <summary>Starts a new run, unless one is in progress. Returns once the start has an outcome to show.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _commands.WaitAsync(cancellationToken);
        ResourceRun run;
        try
        {
            run = StartRun();
        }
        finally
        {
            _commands.Release();
        }
        await run.Settled.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stops the current run, if any: its processes end and its proxies close.</summary>
    public async Task StopAsync()
    {
        await _commands.WaitAsync();
        try
        {
            await StopRunAsync();
        }
        finally
        {
            _commands.Release();
        }
    }

    /// <summary>Waits until this resource is ready. A run stopped on request is not a failure: the wait goes on
    /// until a later run is ready. A run that fails makes the wait throw.</summary>
    public async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            ResourceRun run;
            Task nextRun;
            lock (_gate)
            {
                (run, nextRun) = (_run, _nextRun.Task);
            }
            if (run != ResourceRun.NotStarted)
            {
                // Completes synchronously when the run is ready already, so a dependent passes without showing a wait.
                await run.Ready.Task.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                // A failure is the answer even when the wait is being cancelled: a failed start stops the graph at
                // once, and what waited must still say that its dependency failed, not that it was stopped.
                if (run.Ready.Task.IsFaulted)
                {
                    await run.Ready.Task;
                }
                cancellationToken.ThrowIfCancellationRequested();
                // A run that was ready and has since been stopped is not ready any more: wait for the next one.
                if (run.Ready.Task.IsCompletedSuccessfully && !run.Stopping.IsCancellationRequested)
                {
                    return;
                }
            }
            await nextRun.WaitAsync(cancellationToken);
        }
    }

    /// <summary>A run completes when every replica is healthy (for a run-once resource: has finished with exit code
    /// 0), and faults with a message that names the resource if it cannot get there.</summary>
    private ResourceRun StartRun()
    {
        ResourceRun run;
        lock (_gate)
        {
            if (_run.IsActive)
            {
                return _run;
            }
            run = _run = new ResourceRun(_replicaPorts.Length);
            _status.SetPhase(KnownResourceStates.Starting, null, newRun: true);
            var started = _nextRun;
            _nextRun = ResourceRun.NewSignal();
            started.TrySetResult();
        }
        run.Lifetime = RunAsync(run);
        return run;
    }

    private async Task StopRunAsync()
    {
        var run = _run;
        if (run != ResourceRun.NotStarted)
        {
            await run.Stopping.CancelAsync();
            await run.Lifetime;
        }
        foreach (var proxy in _proxies)
        {
            await proxy.DisposeAsync();
        }
        _proxies.Clear();
    }

    private async Task RunAsync(ResourceRun run)
    {
        var cancellationToken = run.Stopping.Token;
        try
        {
            await WaitForDependenciesAsync(run, cancellationToken);
            StartProxies();
            _status.ShowReplicasStarting();
            var running = Task.WhenAll(Enumerable.Range(0, _replicaPorts.Length).Select(i => SuperviseReplicaAsync(run, i, cancellationToken)));
            await Task.WhenAny(Task.WhenAll(run.ReplicaReady.Select(r => r.Task)), running, Task.Delay(_session.StartupTimeout, _session.Time, cancellationToken));
            if (!run.CompleteIfReady() && !running.IsCompleted && !cancellationToken.IsCancellationRequested)
            {
                Fail(run, $"Resource '{_resource.Name}' did not become healthy within {_session.Options.StartupTimeoutSeconds} s.{_session.LastLogLines(_resource)}");
            }
            await running;
            run.CompleteIfReady();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped before any process started (while waiting): it simply did not start.
            if (_status.Phase is not null)
            {
                _status.SetPhase(KnownResourceStates.NotStarted, null);
            }
        }
        catch (DistributedApplicationException e)
        {
            Fail(run, e.Message);
        }
        catch (Exception e)
        {
            // A run must end failed, never silently: what waits for it would wait for ever.
            Fail(run, $"Resource '{_resource.Name}' failed to start: {e.Message}");
        }
        finally
        {
            run.Ready.TrySetCanceled(CancellationToken.None);
            run.Settled.TrySetResult();
        }
    }

    private async Task WaitForDependenciesAsync(ResourceRun run, CancellationToken cancellationToken)
    {
        // Listed, not keyed by task: waits that pass at once can share one cached completed task.
        var pending = DistributedApplicationModel.StartDependencies(_resource)
            .Select(_supervisorOf)
            .OfType<ResourceSupervisor>()
            .Select(dependency => (Dependency: dependency, Ready: dependency.WaitUntilReadyAsync(cancellationToken)))
            .ToList();
        while (true)
        {
            foreach (var done in pending.Where(p => p.Ready.IsCompleted).ToList())
            {
                if (done.Ready.IsFaulted)
                {
                    throw new DistributedApplicationException(
                        $"Resource '{_resource.Name}' was not started because '{done.Dependency.Resource.Name}' failed.");
                }
                await done.Ready;
                pending.Remove(done);
            }
            if (pending.Count == 0)
            {
                return;
            }
            // Only a real wait is shown (and ends a start command): dependencies that are up already pass at once.
            _status.SetPhase(KnownResourceStates.Waiting, $"Waiting for {string.Join(", ", pending.Select(p => p.Dependency.Resource.Name))}",
                [.. pending.Select(p => p.Dependency.Resource.Name)]);
            run.Settled.TrySetResult();
            await Task.WhenAny(pending.Select(p => p.Ready));
        }
    }

    private async Task SuperviseReplicaAsync(ResourceRun run, int replica, CancellationToken cancellationToken)
    {
        var context = _session.CreateContext(_resource, replica, endpoint => _replicaPorts[replica][endpoint]);
        try
        {
            await new ReplicaLoop(run, replica, context, _runner, _session, _status, _runOnce).RunAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // A replica stopped while it waited to be restarted has no process either.
            _status.UpdateReplica(replica, r => KnownResourceStates.IsTerminal(r.State) ? r : r with { State = KnownResourceStates.Exited, Health = null, ProcessId = null });
        }
        catch (Exception e)
        {
            _status.UpdateReplica(replica, r => r with { State = KnownResourceStates.FailedToStart, Health = null });
            Fail(run, e is DistributedApplicationException ? e.Message : $"Resource '{_resource.Name}' failed: {e.Message}");
        }
    }

    private void Fail(ResourceRun run, string message)
    {
        if (run.Ready.TrySetException(new DistributedApplicationException(message)))
        {
            _session.Logs.GetLog(_resource.Name).Write($"[platform] {message}", isError: true);
            _status.SetPhase(KnownResourceStates.FailedToStart, message);
            run.Settled.TrySetResult();
        }
    }

    private void StartProxies()
    {
        if (_replicaPorts.Length == 1)
        {
            return;
        }
        foreach (var endpoint in _resource.AnnotationsOf<EndpointAnnotation>())
        {
            _proxies.Add(new ReplicaProxy(endpoint.Allocated!.Port, [.. _replicaPorts.Select(p => p[endpoint])]));
        }
    }

    /// <summary>A single replica listens on the endpoint's own port; several get a port each behind a proxy.</summary>
    private static Dictionary<EndpointAnnotation, int>[] AssignReplicaPorts(IResource resource, int count)
    {
        var endpoints = resource.AnnotationsOf<EndpointAnnotation>().ToList();
        if (count == 1)
        {
            return [endpoints.ToDictionary(e => e, e => e.Allocated!.Port)];
        }
        var ports = PortAllocator.Allocate(endpoints.Count * count);
        return [.. Enumerable.Range(0, count).Select(replica =>
            endpoints.Select((e, i) => (e, port: ports[replica * endpoints.Count + i])).ToDictionary(p => p.e, p => p.port))];
    }
}
