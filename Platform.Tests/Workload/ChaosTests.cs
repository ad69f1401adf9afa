using Amazon.S3.Model;
using Platform.Tests.Graph;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Workload;

/// <summary>
/// Fast versions of bench/chaos.sh: one fault each under a small load (<see cref="SmallLoad"/>), and what must hold
/// whatever the fault: no answer is a 500 (an unavailable dependency is a 503), every accepted upload is processed
/// exactly once (no job lost, none completed twice), and no object is left without its row nor a row without its
/// object. Each waits on conditions: the load accepted uploads before the fault, the resource back (healthy, restarted
/// or thawed), the load accepted uploads after it.
/// </summary>
[Collection("graph")]
public sealed class ChaosTests(GraphFixture fixture) : WorkloadTestClass(fixture)
{
    private const int UploadsAround = 3;
    private static readonly TimeSpan FaultPatience = TimeSpan.FromSeconds(30);

    /// <summary>Killed: the AppHost restarts it while the load goes on. A killed replica is worked around (reads go to
    /// the primary), so not even a 503 is allowed then.</summary>
    [Theory]
    [InlineData("pg")]
    [InlineData("pg-replica")]
    [InlineData("cache")]
    [InlineData("storage")]
    [InlineData("api")]
    [InlineData("worker")]
    public async Task A_resource_killed_under_load_gives_no_500_loses_no_job_and_leaves_no_orphan(string resource) =>
        await UnderLoadAsync(() => KillAndWaitForRestartAsync(resource), allowUnavailable: resource != "pg-replica");

    /// <summary>Frozen for 2 s, then thawed: requests wait and are answered. (PostgreSQL is left to bench/chaos.sh, which
    /// freezes a server's every process; its postmaster alone only delays new connections.)</summary>
    [Theory]
    [InlineData("cache")]
    [InlineData("storage")]
    [InlineData("api")]
    [InlineData("worker")]
    public async Task A_resource_frozen_under_load_gives_no_500_loses_no_job_and_leaves_no_orphan(string resource) =>
        await UnderLoadAsync(() => FreezeAsync(resource, TimeSpan.FromSeconds(2)));

    /// <summary>The load, the fault in the middle of it, then the checks; without <paramref name="allowUnavailable"/>,
    /// not even a 503 (the fault is one the api works around).</summary>
    private async Task UnderLoadAsync(Func<Task> fault, bool allowUnavailable = true)
    {
        // No wait for a quiet queue first: an upload answered 503 after its row was written (the cache down) leaves a
        // job for the worker's sweep a minute later, and the checks below look at this test's uploads only.
        var objectsBefore = await ObjectKeysAsync();
        await using (var load = SmallLoad.Start(Workload))
        {
            await load.WaitForMoreAcceptedAsync(UploadsAround, FaultPatience);
            await fault();
            await load.WaitForMoreAcceptedAsync(UploadsAround, FaultPatience);
            await load.StopAsync();

            var serverErrors = load.Answers.Where(a => a.Status >= 500 && (a.Status != 503 || !allowUnavailable)).ToList();
            if (serverErrors.Count > 0)
            {
                using var telemetry = await DashboardTelemetry.ConnectAsync(Fixture.App);
                Assert.Fail($"5xx answers not allowed here: {string.Join(", ", serverErrors.Take(10))}; all answers: {load.Describe()}; the api's last problems: "
                    + string.Join(Environment.NewLine, (await telemetry.ProblemsOfAsync("api")).TakeLast(10)));
            }
            await AssertEachProcessedOnceAsync(load.Accepted);
        }
        await AssertNoOrphansAsync(objectsBefore);
    }

    private async Task KillAndWaitForRestartAsync(string resource)
    {
        var before = Fixture.Resources[resource];
        Assert.True(Signals.Send(before.ProcessIds.First(), Signal.Kill));
        await Fixture.Resources.WaitAsync(resource, s => s.Restarts > before.Restarts && s.IsHealthy, FaultPatience, $"{resource} to be started again");
    }

    /// <summary>SIGSTOP, then SIGCONT once the load has sent requests into the frozen resource for <paramref name="frozenFor"/>.</summary>
    private async Task FreezeAsync(string resource, TimeSpan frozenFor)
    {
        var pid = Fixture.Resources[resource].ProcessIds.First();
        Assert.True(Signals.Send(pid, Signal.Stop));
        try
        {
            // Not a wait for the system: the length of the fault itself.
            await Task.Delay(frozenFor);
        }
        finally
        {
            Assert.True(Signals.Send(pid, Signal.Continue));
        }
    }

    /// <summary>Every accepted upload's job reaches done, with exactly one 'done' event and one job.</summary>
    private async Task AssertEachProcessedOnceAsync(IReadOnlyCollection<Guid> accepted)
    {
        Assert.NotEmpty(accepted);
        var ids = accepted.ToArray();
        await Eventually.TrueAsync(async () => await Workload.ScalarAsync<long>("SELECT count(*) FROM assets WHERE id = ANY($1) AND status = 'done'", ids) == ids.Length,
            Workload.Patience, $"every one of the {ids.Length} accepted uploads to be processed");
        Assert.Equal(ids.Length, await Workload.ScalarAsync<long>("SELECT count(*) FROM jobs WHERE asset_id = ANY($1) AND status = 'done'", ids));
        Assert.Equal(ids.Length, await Workload.ScalarAsync<long>(
            "SELECT count(*) FROM job_events e JOIN jobs j ON j.id = e.job_id WHERE j.asset_id = ANY($1) AND e.event = 'done'", ids));
    }

    /// <summary>Every object stored since <paramref name="before"/> has its asset row, and every row its content object.</summary>
    private async Task AssertNoOrphansAsync(HashSet<string> before)
    {
        var now = await ObjectKeysAsync();
        var newIds = now.Except(before).Select(key => Guid.Parse(key.Split('/')[1])).Distinct().ToArray();
        var withRows = await Workload.ScalarAsync<long>("SELECT count(*) FROM assets WHERE id = ANY($1)", newIds);
        Assert.True(withRows == newIds.Length, $"{newIds.Length - withRows} of {newIds.Length} new objects have no asset row");
        var keys = await Workload.ScalarAsync<string[]>("SELECT coalesce(array_agg(object_key), '{}') FROM assets");
        var missing = keys.Where(k => !now.Contains(k)).ToList();
        Assert.True(missing.Count == 0, $"rows without their object: {string.Join(", ", missing.Take(5))}");
    }

    private async Task<HashSet<string>> ObjectKeysAsync()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var request = new ListObjectsV2Request { BucketName = Workload.Storage.BucketName, Prefix = "assets/" };
        do
        {
            var page = await Workload.S3.ListObjectsV2Async(request);
            keys.UnionWith((page.S3Objects ?? []).Select(o => o.Key));
            request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);
        return keys;
    }
}
