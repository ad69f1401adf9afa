using System.Collections.Immutable;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Orchestration;

/// <summary>
/// Runs one resource for the length of a run: waits for what it depends on, prepares and starts its replicas,
/// checks their health, restarts a crashed process with backoff, and stops it on request.
/// </summary>
internal sealed class ResourceSupervisor
{
    private static readonly TimeSpan StartingProbeInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan RunningProbeInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    private readonly IResource _resource;
    private readonly ILocalRunner _runner;
    private readonly RunSession _session;
    private readonly bool _runOnce;
    private readonly ReplicaSnapshot[] _replicas;
    private readonly TaskCompletionSource[] _replicaReady;
    private readonly Dictionary<EndpointAnnotation, int>[] _replicaPorts;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<ReplicaProxy> _proxies = [];
    private readonly Lock _gate = new();
    private string? _phase = KnownResourceStates.NotStarted;
    private string? _message;
    private ImmutableArray<string> _waitingFor = [];
    private Task _lifetime = Task.CompletedTask;

    public ResourceSupervisor(IResource resource, ILocalRunner runner, RunSession session)
    {
        _resource = resource;
        _runner = runner;
        _session = session;
        _runOnce = resource.AnnotationsOf<RunOnceAnnotation>().Any();
        var count = resource.TryGetLastAnnotation<ReplicaAnnotation>(out var replicas) ? replicas.Replicas : 1;
        _replicas = [.. Enumerable.Range(0, count).Select(i => new ReplicaSnapshot(i))];
        _replicaReady = [.. Enumerable.Range(0, count).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously))];
        _replicaPorts = AssignReplicaPorts(resource, count);
        Publish();
    }

    public IResource Resource => _resource;

    /// <summary>Completes when every replica is healthy (for a run-once resource: has finished with exit code 0);
    /// faults with a message that names the resource if it cannot get there.</summary>
    public Task Ready => _ready.Task;

    public void Start(Func<IResource, ResourceSupervisor?> supervisorOf) => _lifetime = RunAsync(supervisorOf, _stopping.Token);

    public async Task StopAsync()
    {
        await _stopping.CancelAsync();
        await _lifetime;
        foreach (var proxy in _proxies)
        {
            await proxy.DisposeAsync();
        }
        _proxies.Clear();
    }

    private async Task RunAsync(Func<IResource, ResourceSupervisor?> supervisorOf, CancellationToken cancellationToken)
    {
        try
        {
            await WaitForDependenciesAsync(supervisorOf, cancellationToken);
            StartProxies();
            SetPhase(null, null);
            var running = Task.WhenAll(Enumerable.Range(0, _replicas.Length).Select(i => SuperviseReplicaAsync(i, cancellationToken)));
            await Task.WhenAny(Task.WhenAll(_replicaReady.Select(r => r.Task)), running, Task.Delay(_session.StartupTimeout, cancellationToken));
            if (!CompleteIfReady() && !running.IsCompleted && !cancellationToken.IsCancellationRequested)
            {
                Fail($"Resource '{_resource.Name}' did not become healthy within {_session.Options.StartupTimeoutSeconds} s.{LastLogLines()}");
            }
            await running;
            CompleteIfReady();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (DistributedApplicationException e)
        {
            Fail(e.Message);
        }
        finally
        {
            _ready.TrySetCanceled(CancellationToken.None);
        }
    }

    private async Task WaitForDependenciesAsync(Func<IResource, ResourceSupervisor?> supervisorOf, CancellationToken cancellationToken)
    {
        var pending = DistributedApplicationModel.StartDependencies(_resource)
            .Select(d => supervisorOf(d))
            .OfType<ResourceSupervisor>()
            .ToList();
        while (pending.Count > 0)
        {
            SetPhase(KnownResourceStates.Waiting, $"Waiting for {string.Join(", ", pending.Select(p => p.Resource.Name))}", [.. pending.Select(p => p.Resource.Name)]);
            var done = await Task.WhenAny(pending.Select(p => p.Ready)).WaitAsync(cancellationToken);
            var dependency = pending.Single(p => p.Ready == done);
            if (!done.IsCompletedSuccessfully)
            {
                throw new DistributedApplicationException(
                    $"Resource '{_resource.Name}' was not started because '{dependency.Resource.Name}' failed.");
            }
            pending.Remove(dependency);
        }
    }

    private async Task SuperviseReplicaAsync(int replica, CancellationToken cancellationToken)
    {
        try
        {
            await RunReplicaAsync(replica, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            UpdateReplica(replica, r => r with { State = KnownResourceStates.FailedToStart, Health = null });
            Fail(e is DistributedApplicationException ? e.Message : $"Resource '{_resource.Name}' failed: {e.Message}");
        }
    }

    private async Task RunReplicaAsync(int replica, CancellationToken cancellationToken)
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
                    await MonitorHealthAsync(context, replica, cancellationToken);
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
            var monitor = _runOnce ? Task.CompletedTask : MonitorHealthAsync(context, replica, monitoring.Token);
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
                _replicaReady[replica].TrySetResult();
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

    private async Task MonitorHealthAsync(LocalRunContext context, int replica, CancellationToken cancellationToken)
    {
        var everHealthy = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            var health = await CheckHealthAsync(context, cancellationToken);
            UpdateReplica(replica, r => r with { Health = health });
            if (health != HealthStatus.Unhealthy && !_runOnce)
            {
                everHealthy = true;
                _replicaReady[replica].TrySetResult();
            }
            await Task.Delay(everHealthy ? RunningProbeInterval : StartingProbeInterval, cancellationToken);
        }
    }

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

    private bool CompleteIfReady() =>
        _replicaReady.All(r => r.Task.IsCompletedSuccessfully) && (_ready.TrySetResult() || _ready.Task.IsCompletedSuccessfully);

    private void Fail(string message)
    {
        if (_ready.TrySetException(new DistributedApplicationException(message)))
        {
            _session.Logs.GetLog(_resource.Name).Write($"[platform] {message}", isError: true);
            SetPhase(KnownResourceStates.FailedToStart, message);
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
}
