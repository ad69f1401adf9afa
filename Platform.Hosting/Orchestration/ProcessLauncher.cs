namespace Platform.Hosting.Orchestration;

/// <summary>Starts processes for the resources of one run, every one registered with the watchdog and run as the
/// service account when there is one.</summary>
internal sealed class ProcessLauncher(Watchdog watchdog, NativeTools tools, ServiceAccount? account)
{
    public NativeProcess Start(ProcessSpec spec, ResourceLog log) => NativeProcess.Start(spec, log, watchdog, tools, account);

    public async Task RunToCompletionAsync(ProcessSpec spec, ResourceLog log, CancellationToken cancellationToken)
    {
        var firstLine = log.LastSequence;
        using var process = Start(spec, log);
        int exitCode;
        try
        {
            exitCode = await process.Exited.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await process.StopAsync(Signal.Terminate, TimeSpan.FromSeconds(1));
            throw;
        }
        if (exitCode != 0)
        {
            var output = log.Tail(20, firstLine).Select(l => "    " + l.Text);
            throw new DistributedApplicationException(
                $"'{Path.GetFileName(spec.FileName)}' exited with code {exitCode}:{Environment.NewLine}{string.Join(Environment.NewLine, output)}");
        }
    }
}
