using System.Collections.Immutable;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Orchestration;

/// <summary>
/// What a resource shows: the phase of its run (starting, waiting, failed; none while its replicas speak for it), a
/// message, and each replica's state. Every change is published as one <see cref="ResourceSnapshot"/>, under one lock,
/// so that a watcher never sees half of a change.
/// </summary>
internal sealed class ResourceStatus
{
    private readonly IResource _resource;
    private readonly ResourceNotificationService _notifications;
    private readonly Dictionary<EndpointAnnotation, int>[] _replicaPorts;
    private readonly ReplicaSnapshot[] _replicas;
    private readonly Lock _gate = new();
    private string? _phase = KnownResourceStates.NotStarted;
    private string? _message;
    private ImmutableArray<string> _waitingFor = [];

    public ResourceStatus(IResource resource, ResourceNotificationService notifications, Dictionary<EndpointAnnotation, int>[] replicaPorts)
    {
        _resource = resource;
        _notifications = notifications;
        _replicaPorts = replicaPorts;
        _replicas = [.. Enumerable.Range(0, replicaPorts.Length).Select(i => new ReplicaSnapshot(i))];
        Publish();
    }

    /// <summary>The run's own phase, or null while the replicas speak for the resource.</summary>
    public string? Phase
    {
        get
        {
            lock (_gate)
            {
                return _phase;
            }
        }
    }

    /// <summary>Sets the run's phase, unless the run has failed: a failure stays until the next run.</summary>
    public void SetPhase(string? phase, string? message, ImmutableArray<string> waitingFor = default, bool newRun = false)
    {
        lock (_gate)
        {
            if (_phase == KnownResourceStates.FailedToStart && !newRun)
            {
                return;
            }
            (_phase, _message, _waitingFor) = (phase, message, waitingFor.IsDefault ? [] : waitingFor);
            Publish();
        }
    }

    /// <summary>Ends the waiting phase and shows every replica starting, in one change: the replicas must not show
    /// the previous run's exit meanwhile, which a watcher would take for this run's outcome.</summary>
    public void ShowReplicasStarting()
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

    public void UpdateReplica(int replica, Func<ReplicaSnapshot, ReplicaSnapshot> update)
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
        _notifications.Publish(new ResourceSnapshot(_resource.Name, ResourceTypes.Of(_resource))
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
