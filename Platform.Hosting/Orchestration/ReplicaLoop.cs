namespace Platform.Hosting.Orchestration;

/// <summary>
/// Runs one replica of a resource for one run: prepares it, starts its process, probes its health, and restarts it
/// with backoff when it crashes, until the run stops. A run-once resource's process runs once: exit code 0 makes the
/// replica ready, anything else fails the run.
/// </summary>
internal sealed class ReplicaLoop(ResourceRun run, int replica, LocalRunContext context, ILocalRunner runner, RunSession session, ResourceStatus status, bool runOnce)
{
    private readonly HealthMonitor _health = new(runner, session.Time);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = new Backoff();
        while (true)
        {
            status.UpdateReplica(replica, r => r with { State = KnownResourceStates.Starting, Health = null, ExitCode = null });
            var spec = await runner.PrepareAsync(context, cancellationToken);
            if (spec is null)
            {
                await RunWithoutProcessAsync(cancellationToken);
                return;
            }

            using var process = session.Launcher.Start(spec, context.Log);
            var startedAt = session.Time.GetUtcNow();
            status.UpdateReplica(replica, r => r with { State = KnownResourceStates.Running, ProcessId = process.Id, StartedAt = startedAt });
            using var monitoring = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var monitor = runOnce ? Task.CompletedTask : MonitorAsync(monitoring.Token);
            var exited = await Task.WhenAny(process.Exited, Task.Delay(Timeout.Infinite, cancellationToken)) == process.Exited;
            await monitoring.CancelAsync();
            await monitor.ContinueWith(_ => { }, TaskScheduler.Default);

            if (!exited)
            {
                status.UpdateReplica(replica, r => r with { State = KnownResourceStates.Stopping });
                await process.StopAsync(spec.StopSignal, session.StopTimeout);
                status.UpdateReplica(replica, r => r with { State = KnownResourceStates.Exited, ExitCode = process.Exited.Result, Health = null, ProcessId = null });
                return;
            }

            var exitCode = await process.Exited;
            if (runOnce)
            {
                Finish(exitCode);
                return;
            }

            var delay = backoff.Next(session.Time.GetUtcNow() - startedAt);
            context.Log.Write($"[platform] process exited with code {exitCode}; restarting in {delay.TotalSeconds:0.#} s", isError: true);
            status.UpdateReplica(replica, r => r with
            {
                State = KnownResourceStates.Restarting,
                ExitCode = exitCode,
                Health = null,
                ProcessId = null,
                Restarts = r.Restarts + 1,
            });
            await Task.Delay(delay, session.Time, cancellationToken);
        }
    }

    /// <summary>A resource without a process of its own (a database inside a server) runs, and stops, with what contains it.</summary>
    private async Task RunWithoutProcessAsync(CancellationToken cancellationToken)
    {
        status.UpdateReplica(replica, r => r with { State = KnownResourceStates.Running, StartedAt = session.Time.GetUtcNow() });
        try
        {
            await MonitorAsync(cancellationToken);
        }
        finally
        {
            status.UpdateReplica(replica, r => r with { State = KnownResourceStates.Exited, Health = null });
        }
    }

    private Task MonitorAsync(CancellationToken cancellationToken) => _health.MonitorAsync(
        context,
        health => status.UpdateReplica(replica, r => r with { Health = health }),
        () =>
        {
            if (!runOnce)
            {
                run.ReplicaReady[replica].TrySetResult();
            }
        },
        cancellationToken);

    private void Finish(int exitCode)
    {
        var finished = exitCode == 0;
        status.UpdateReplica(replica, r => r with
        {
            State = finished ? KnownResourceStates.Finished : KnownResourceStates.Exited,
            ExitCode = exitCode,
            ProcessId = null,
        });
        if (!finished)
        {
            throw new DistributedApplicationException($"Resource '{context.Resource.Name}' exited with code {exitCode}.{session.LastLogLines(context.Resource)}");
        }
        run.ReplicaReady[replica].TrySetResult();
    }
}
