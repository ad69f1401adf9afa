using System.Collections.Immutable;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Orchestration;

/// <summary>
/// Runs one resource: waits for what it depends on, prepares and starts its replicas, checks their health,
/// restarts a crashed process with backoff, and stops it on request. A resource can be stopped and started
/// again (a command from the dashboard); each start is a new run with its own readiness, so that what waits for
/// this resource waits for the run in progress, and keeps waiting through a stop until the next start.
/// </summary>
internal sealed class ResourceSupervisor
{
    // Until it is first ready, a resource is probed often: what waits for it starts that much sooner. After that,
    // Aspire's cadence: every 30 s while healthy, every 1, 2, 3, 4, then 5 s while not. Each probe of a service runs
    // its own checks of PostgreSQL, Redis and S3, so probing more often is load on every part of the graph.
    private static readonly TimeSpan StartingProbeInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan HealthyProbeInterval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan NotHealthyProbeStep = TimeSpan.FromSeconds(1);
    private const int NotHealthyProbeMaxSteps = 5;
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    private readonly IResource _resource;
    private readonly ILocalRunner _runner;
    private readonly RunSession _session;
    private readonly Func<IResource, ResourceSupervisor?> _supervisorOf;
    private readonly bool _runOnce;
    private readonly ReplicaSnapshot[] _replicas;
    private readonly Dictionary<EndpointAnnotation, int>[] _replicaPorts;
    private readonly List<ReplicaProxy> _proxies = [];
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _commands = new(1, 1);
    private string? _phase = KnownResourceStates.NotStarted;
    private string? _message;
    private ImmutableArray<string> _waitingFor = [];
    private Run _run = Run.NotStarted;
    private TaskCompletionSource _nextRun = NewSignal();

    /// <summary>One start of the resource, up to its stop.</summary>
    private sealed class Run(int replicas)
    {
        public static readonly Run NotStarted = new(0) { Lifetime = Task.CompletedTask };

        public CancellationTokenSource Stopping { get; } = new();
        public TaskCompletionSource Ready { get; } = NewSignal();
        public TaskCompletionSource[] ReplicaReady { get; } = [.. Enumerable.Range(0, replicas).Select(_ => NewSignal())];

        /// <summary>Completes once the start has an outcome to show: ready, failed, or waiting for a dependency.</summary>
        public TaskCompletionSource Settled { get; } = NewSignal();
        public Task Lifetime { get; set; } = Task.CompletedTask;
        public bool IsActive => !Lifetime.IsCompleted;
    }

    public ResourceSupervisor(IResource resource, ILocalRunner runner, RunSession session, Func<IResource, ResourceSupervisor?> supervisorOf)
    {
        _resource = resource;
        _runner = runner;
        _session = session;
        _supervisorOf = supervisorOf;
        _runOnce = resource.AnnotationsOf<RunOnceAnnotation>().Any();
        var count = resource.TryGetLastAnnotation<ReplicaAnnotation>(out var replicas) ? replicas.Replicas : 1;
        _replicas = [.. Enumerable.Range(0, count).Select(i => new ReplicaSnapshot(i))];
        _replicaPorts = AssignReplicaPorts(resource, count);
        Publish();
    }

    public IResource Resource => _resource;

    /// <summary>Starts a new run, unless one is in progress. Returns once the start has an outcome to show.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _commands.WaitAsync(cancellationToken);
        Run run;
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
            Run run;
            Task nextRun;
            lock (_gate)
            {
                (run, nextRun) = (_run, _nextRun.Task);
            }
            if (run != Run.NotStarted)
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
    private Run StartRun()
    {
        Run run;
        lock (_gate)
        {
            if (_run.IsActive)
            {
                return _run;
            }
            run = _run = new Run(_replicas.Length);
            (_phase, _message, _waitingFor) = (KnownResourceStates.Starting, null, []);
            Publish();
            var started = _nextRun;
            _nextRun = NewSignal();
            started.TrySetResult();
        }
        run.Lifetime = RunAsync(run);
        return run;
    }

    private async Task StopRunAsync()
    {
        var run = _run;
        if (run != Run.NotStarted)
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

    private async Task RunAsync(Run run)
    {
        var cancellationToken = run.Stopping.Token;
        try
        {
            await WaitForDependenciesAsync(run, cancellationToken);
            StartProxies();
            ShowReplicasStarting();
            var running = Task.WhenAll(Enumerable.Range(0, _replicas.Length).Select(i => SuperviseReplicaAsync(run, i, cancellationToken)));
            await Task.WhenAny(Task.WhenAll(run.ReplicaReady.Select(r => r.Task)), running, Task.Delay(_session.StartupTimeout, cancellationToken));
            if (!CompleteIfReady(run) && !running.IsCompleted && !cancellationToken.IsCancellationRequested)
            {
                Fail(run, $"Resource '{_resource.Name}' did not become healthy within {_session.Options.StartupTimeoutSeconds} s.{LastLogLines()}");
            }
            await running;
            CompleteIfReady(run);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped before any process started (while waiting): it simply did not start.
            if (_phase is not null)
            {
                SetPhase(KnownResourceStates.NotStarted, null);
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

    private async Task WaitForDependenciesAsync(Run run, CancellationToken cancellationToken)
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
            SetPhase(KnownResourceStates.Waiting, $"Waiting for {string.Join(", ", pending.Select(p => p.Dependency.Resource.Name))}",
                [.. pending.Select(p => p.Dependency.Resource.Name)]);
            run.Settled.TrySetResult();
            await Task.WhenAny(pending.Select(p => p.Ready));
        }
    }

    private async Task SuperviseReplicaAsync(Run run, int replica, CancellationToken cancellationToken)
    {
        try
        {
            await RunReplicaAsync(run, replica, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // A replica stopped while it waited to be restarted has no process either.
            UpdateReplica(replica, r => KnownResourceStates.IsTerminal(r.State) ? r : r with { State = KnownResourceStates.Exited, Health = null, ProcessId = null });
        }
        catch (Exception e)
        {
            UpdateReplica(replica, r => r with { State = KnownResourceStates.FailedToStart, Health = null });
            Fail(run, e is DistributedApplicationException ? e.Message : $"Resource '{_resource.Name}' failed: {e.Message}");
        }
    }

    private async Task RunReplicaAsync(Run run, int replica, CancellationToken cancellationToken)
    {
        var context = _session.CreateContext(_resource, replica, endpoint => _replicaPorts[replica][endpoint]);
        var backoff = new Backoff();
        while (true)
        {
            UpdateReplica(replica, r => r with { State = KnownResourceStates.Starting, Health = null, ExitCode = null });
            var spec = await _runner.PrepareAsync(context, cancellationToken);
            if (spec is null)
            {
                UpdateReplica(replica, r => r with { State = KnownResourceStates.Running, StartedAt = DateTimeOffset.UtcNow });
                try
                {
                    await MonitorHealthAsync(run, context, replica, cancellationToken);
                }
                finally
                {
                    // Without a process of its own, it stops with what contains it.
                    UpdateReplica(replica, r => r with { State = KnownResourceStates.Exited, Health = null });
                }
                return;
            }

            using var process = _session.Launcher.Start(spec, context.Log);
            UpdateReplica(replica, r => r with { State = KnownResourceStates.Running, ProcessId = process.Id, StartedAt = process.StartedAt });
            using var monitoring = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var monitor = _runOnce ? Task.CompletedTask : MonitorHealthAsync(run, context, replica, monitoring.Token);
            var exited = await Task.WhenAny(process.Exited, Task.Delay(Timeout.Infinite, cancellationToken)) == process.Exited;
            await monitoring.CancelAsync();
            await monitor.ContinueWith(_ => { }, TaskScheduler.Default);

            if (!exited)
            {
                UpdateReplica(replica, r => r with { State = KnownResourceStates.Stopping });
                await process.StopAsync(spec.StopSignal, _session.StopTimeout);
                UpdateReplica(replica, r => r with { State = KnownResourceStates.Exited, ExitCode = process.Exited.Result, Health = null, ProcessId = null });
                return;
            }

            var exitCode = await process.Exited;
            if (_runOnce)
            {
                var finished = exitCode == 0;
                UpdateReplica(replica, r => r with
                {
                    State = finished ? KnownResourceStates.Finished : KnownResourceStates.Exited,
                    ExitCode = exitCode,
                    ProcessId = null,
                });
                if (!finished)
                {
                    throw new DistributedApplicationException($"Resource '{_resource.Name}' exited with code {exitCode}.{LastLogLines()}");
                }
                run.ReplicaReady[replica].TrySetResult();
                return;
            }

            var delay = backoff.Next(DateTimeOffset.UtcNow - process.StartedAt);
            context.Log.Write($"[platform] process exited with code {exitCode}; restarting in {delay.TotalSeconds:0.#} s", isError: true);
            UpdateReplica(replica, r => r with
            {
                State = KnownResourceStates.Restarting,
                ExitCode = exitCode,
                Health = null,
                ProcessId = null,
                Restarts = r.Restarts + 1,
            });
            await Task.Delay(delay, cancellationToken);
        }
    }

    private async Task MonitorHealthAsync(Run run, LocalRunContext context, int replica, CancellationToken cancellationToken)
    {
        var everReady = false;
        var notHealthyInARow = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var health = await CheckHealthAsync(context, cancellationToken);
            UpdateReplica(replica, r => r with { Health = health });
            if (health != HealthStatus.Unhealthy && !_runOnce)
            {
                everReady = true;
                run.ReplicaReady[replica].TrySetResult();
            }
            notHealthyInARow = health == HealthStatus.Healthy ? 0 : notHealthyInARow + 1;
            await Task.Delay(NextProbeDelay(everReady, notHealthyInARow), cancellationToken);
        }
    }

    private static TimeSpan NextProbeDelay(bool everReady, int notHealthyInARow) =>
        !everReady ? StartingProbeInterval
        : notHealthyInARow == 0 ? HealthyProbeInterval
        : NotHealthyProbeStep * Math.Min(NotHealthyProbeMaxSteps, notHealthyInARow);

    private async Task<HealthStatus> CheckHealthAsync(LocalRunContext context, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            return await _runner.CheckHealthAsync(context, timeout.Token);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthStatus.Unhealthy;
        }
    }

    private static bool CompleteIfReady(Run run)
    {
        if (!run.ReplicaReady.All(r => r.Task.IsCompletedSuccessfully))
        {
            return false;
        }
        run.Ready.TrySetResult();
        run.Settled.TrySetResult();
        return run.Ready.Task.IsCompletedSuccessfully;
    }

    private void Fail(Run run, string message)
    {
        if (run.Ready.TrySetException(new DistributedApplicationException(message)))
        {
            _session.Logs.GetLog(_resource.Name).Write($"[platform] {message}", isError: true);
            SetPhase(KnownResourceStates.FailedToStart, message);
            run.Settled.TrySetResult();
        }
    }

    private string LastLogLines()
    {
        var lines = _session.Logs.GetLog(_resource.Name).Tail(20);
        return lines.Count == 0
            ? " It wrote no output."
            : $" Its last output:{Environment.NewLine}{string.Join(Environment.NewLine, lines.Select(l => "    " + l.Text))}";
    }

    private void StartProxies()
    {
        if (_replicas.Length == 1)
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

    private void SetPhase(string? phase, string? message, ImmutableArray<string> waitingFor = default)
    {
        lock (_gate)
        {
            if (_phase == KnownResourceStates.FailedToStart)
            {
                return;
            }
            (_phase, _message, _waitingFor) = (phase, message, waitingFor.IsDefault ? [] : waitingFor);
            Publish();
        }
    }

    /// <summary>Ends the waiting phase and shows every replica starting, in one change: the replicas must not show
    /// the previous run's exit meanwhile, which a watcher would take for this run's outcome.</summary>
    private void ShowReplicasStarting()
    {
        lock (_gate)
        {
            if (_phase == KnownResourceStates.FailedToStart)
            {
                return;
            }
            for (var i = 0; i < _replicas.Length; i++)
            {
                _replicas[i] = _replicas[i] with { State = KnownResourceStates.Starting, Health = null, ExitCode = null };
            }
            (_phase, _message, _waitingFor) = (null, null, []);
            Publish();
        }
    }

    private void UpdateReplica(int replica, Func<ReplicaSnapshot, ReplicaSnapshot> update)
    {
        lock (_gate)
        {
            var updated = update(_replicas[replica]);
            if (updated == _replicas[replica])
            {
                return;
            }
            _replicas[replica] = updated;
            if (updated.State == KnownResourceStates.Restarting)
            {
                _message = $"Exited with code {updated.ExitCode}; restarting";
            }
            else if (updated.State == KnownResourceStates.Running && _phase is null)
            {
                _message = null;
            }
            Publish();
        }
    }

    private void Publish()
    {
        var replicas = _replicas.Select((r, i) => r with
        {
            Url = _replicas.Length > 1 ? _replicaPorts[i].Select(p => $"{p.Key.Scheme}://localhost:{p.Value}").FirstOrDefault() : null,
        }).ToImmutableArray();
        _session.Notifications.Publish(new ResourceSnapshot(_resource.Name, ResourceTypes.Of(_resource))
        {
            State = _phase ?? AggregateState(replicas),
            Health = _phase is null ? AggregateHealth(replicas) : null,
            Urls = [.. _resource.AnnotationsOf<EndpointAnnotation>().Select(e => e.Allocated?.Url).OfType<string>()],
            Replicas = replicas,
            WaitingFor = _waitingFor,
            Message = _message,
        });
    }

    private static string AggregateState(ImmutableArray<ReplicaSnapshot> replicas)
    {
        string[] precedence =
        [
            KnownResourceStates.FailedToStart, KnownResourceStates.Restarting, KnownResourceStates.Starting,
            KnownResourceStates.Stopping, KnownResourceStates.Exited, KnownResourceStates.Running, KnownResourceStates.Finished,
        ];
        return precedence.FirstOrDefault(state => replicas.Any(r => r.State == state)) ?? replicas[0].State;
    }

    private static HealthStatus? AggregateHealth(ImmutableArray<ReplicaSnapshot> replicas) =>
        replicas.Any(r => r.Health is null) ? null : replicas.Min(r => r.Health);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
