using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Jobs;
using Platform.Jobs.Queue;
using Platform.Tests.Graph;
using Platform.Tests.Infrastructure;
using StackExchange.Redis;

namespace Platform.Tests.Workload;

/// <summary>The queue's promises: a job survives its worker's death and runs to completion once; a job that always
/// fails ends in the dead-letter stream after the configured attempts; an unreadable entry goes there at once.</summary>
[Collection("graph")]
public sealed class WorkerReliabilityTests(GraphFixture fixture) : WorkloadTestClass(fixture)
{
    private static int MaxAttempts => ServiceSettings.WorkerQueue.MaxAttempts;

    [Fact]
    public async Task A_worker_killed_mid_job_leaves_the_job_to_another_that_completes_it_exactly_once()
    {
        await Workload.WaitUntilQuietAsync();
        // The worker is frozen while it is at the job, then killed. The object store holds still meanwhile, so the
        // worker that took the job waits on its read however fast this machine processes 45 MB.
        var content = TextOfSize(45 * 1024 * 1024);
        var id = (await Workload.UploadAsync(content, "large.txt")).GetProperty("id").GetGuid();
        var storage = Assert.Single(Fixture.Resources["storage"].ProcessIds);
        Freeze(storage);
        var jobId = await Workload.ScalarAsync<Guid>("SELECT id FROM jobs WHERE asset_id = $1", id);
        string? worker = null;
        int pid;
        try
        {
            await Eventually.TrueAsync(async () =>
                (worker = await Workload.ScalarAsync<object>("SELECT worker FROM job_events WHERE job_id = $1 AND event = 'started' LIMIT 1", jobId) as string) is not null,
                Workload.Patience, "a worker to start the job");
            pid = int.Parse(worker!.Split('-')[^1]);
            Assert.Contains(pid, Fixture.Resources["worker"].ProcessIds);
            Freeze(pid);
            try
            {
                Assert.Equal("processing", await Workload.ScalarAsync<string>("SELECT status FROM jobs WHERE id = $1", jobId));
            }
            finally
            {
                Assert.True(Signals.Send(pid, Signal.Kill));
            }
        }
        finally
        {
            Thaw(storage);
        }

        var job = await Workload.WaitForJobAsync(jobId, "done");
        var events = job.GetProperty("events").EnumerateArray().ToList();
        Assert.Single(events, e => e.GetProperty("event").GetString() == "done");
        var starts = events.Where(e => e.GetProperty("event").GetString() == "started").ToList();
        Assert.Equal(2, starts.Count);
        Assert.NotEqual(worker, starts[1].GetProperty("worker").GetString());
        Assert.Equal(2, job.GetProperty("attempts").GetInt32());
        var asset = await Workload.GetAssetAsync(id);
        Assert.Equal("done", asset.GetProperty("status").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), asset.GetProperty("sha256").GetString());
        // The AppHost brings the killed replica back.
        await Fixture.Resources.WaitAsync("worker", now => now.IsHealthy && now.Instances.Count == 2 && !now.ProcessIds.Contains(pid),
            Workload.Patience, "the killed worker to be started again");
        ProcessTree.RemoveRuntimeFilesOf([pid]);
    }

    [Fact]
    public async Task A_worker_asked_to_stop_mid_job_finishes_it_or_hands_it_back_at_once()
    {
        await Workload.WaitUntilQuietAsync();
        var id = (await Workload.UploadAsync(TextOfSize(45 * 1024 * 1024), "stopping.txt")).GetProperty("id").GetGuid();
        var jobId = await Workload.ScalarAsync<Guid>("SELECT id FROM jobs WHERE asset_id = $1", id);
        string? worker = null;
        await Eventually.TrueAsync(async () =>
            (worker = await Workload.ScalarAsync<object>("SELECT worker FROM job_events WHERE job_id = $1 AND event = 'started' LIMIT 1", jobId) as string) is not null,
            Workload.Patience, "a worker to start the job");

        Assert.True(Signals.Send(int.Parse(worker!.Split('-')[^1]), Signal.Terminate));

        // Well before a stale job would be taken over (10 s): the stopping worker finished it or handed it back.
        var job = await Workload.WaitForJobAsync(jobId, "done", TimeSpan.FromSeconds(8));
        var events = job.GetProperty("events").EnumerateArray().Select(e => (Event: e.GetProperty("event").GetString(), Worker: e.GetProperty("worker").GetString())).ToList();
        Assert.Single(events, e => e.Event == "done");
        Assert.True(events.Contains(("done", worker)) || events.Contains(("handed-back", worker)), $"events: {string.Join(", ", events)}");
        // A handed-back attempt does not count against the job.
        Assert.Equal(events.Count(e => e.Event == "started") - events.Count(e => e.Event == "handed-back"), job.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task A_job_that_always_fails_is_retried_then_dead_lettered()
    {
        // Counted from here: the workers' counters also hold what earlier tests of the class failed.
        await Workload.WaitUntilQuietAsync();
        var id = (await Workload.UploadAsync("soon gone\n"u8.ToArray(), "poison.txt")).GetProperty("id").GetGuid();
        await Workload.WaitForAssetAsync(id, "done");
        // The stored bytes vanish: every attempt to process the asset again fails.
        await Workload.S3.DeleteObjectAsync(Workload.Storage.BucketName, $"assets/{id}/content");

        using var response = await Workload.Api.PostAsJsonAsync("/api/jobs", new { type = "process-asset", assetId = id });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var jobId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var job = await Workload.WaitForJobAsync(jobId, "failed");
        Assert.Equal(MaxAttempts, job.GetProperty("attempts").GetInt32());
        var events = job.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(MaxAttempts, events.Count(e => e.GetProperty("event").GetString() == "started"));
        Assert.Equal(MaxAttempts - 1, events.Count(e => e.GetProperty("event").GetString() == "retry-scheduled"));
        Assert.Equal("dead-lettered", events[^1].GetProperty("event").GetString());
        var dead = await FindDeadLetterAsync(jobId.ToString());
        Assert.Equal(MaxAttempts.ToString(), dead["attempts"]);
        Assert.Contains("NoSuchKey", dead["error"] + job.GetProperty("error").GetString(), StringComparison.OrdinalIgnoreCase);
        var asset = await Workload.GetAssetAsync(id);
        Assert.Equal("failed", asset.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(asset.GetProperty("error").GetString()));

    }

    [Fact]
    public async Task A_burst_of_jobs_some_delivered_twice_completes_each_job_exactly_once()
    {
        var assetId = (await Workload.UploadAsync("burst\n"u8.ToArray(), "burst.txt")).GetProperty("id").GetGuid();
        await Workload.WaitForAssetAsync(assetId, "done");
        var jobs = Enumerable.Range(0, 300).Select(_ => Guid.CreateVersion7()).ToArray();
        await using (var insert = Workload.Db.CreateCommand("INSERT INTO jobs (id, type, asset_id) SELECT unnest($1::uuid[]), 'ping', $2"))
        {
            insert.Parameters.Add(new() { Value = jobs });
            insert.Parameters.Add(new() { Value = assetId });
            await insert.ExecuteNonQueryAsync();
        }

        // All at once, so that the workers take them in batches; every tenth job twice, as a repeated delivery would.
        var db = Workload.Redis.GetDatabase();
        var entries = jobs.Concat(jobs.Where((_, i) => i % 10 == 0))
            .Select(job => db.StreamAddAsync("jobs", new JobEntry(job, JobTypes.Ping, null, null, 0).ToFields())).ToList();
        var entryIds = await Task.WhenAll(entries);

        await Eventually.TrueAsync(async () => await Workload.ScalarAsync<long>("SELECT count(*) FROM jobs WHERE id = ANY($1) AND status = 'done'", jobs) == jobs.Length,
            Workload.Patience, "every job of the burst to be done");
        Assert.Equal(jobs.Length, await Workload.ScalarAsync<long>("SELECT count(*) FROM job_events WHERE job_id = ANY($1) AND event = 'done'", jobs));
        Assert.Equal(jobs.Length, await Workload.ScalarAsync<long>("SELECT count(DISTINCT job_id) FROM job_events WHERE job_id = ANY($1) AND event = 'started'", jobs));
        var job = await Workload.GetJobAsync(jobs[^1]);
        Assert.StartsWith(Environment.MachineName, job.GetProperty("result").GetProperty("worker").GetString());
        // Every entry, the repeated ones too, is acknowledged and deleted in the end.
        await Eventually.TrueAsync(async () =>
        {
            var left = 0;
            foreach (var entryId in entryIds)
            {
                left += (await db.StreamRangeAsync("jobs", entryId, entryId)).Length;
            }
            return left == 0;
        }, Workload.Patience, "the burst's entries to leave the ready stream");
    }

    [Fact]
    public async Task A_job_recorded_but_never_queued_is_found_and_run()
    {
        var assetId = (await Workload.UploadAsync("lost\n"u8.ToArray(), "lost.txt")).GetProperty("id").GetGuid();
        await Workload.WaitForAssetAsync(assetId, "done");
        var jobId = Guid.CreateVersion7();

        // What an api that stopped between recording the job and queueing it leaves behind, a while ago.
        await Workload.ScalarAsync<Guid>("INSERT INTO jobs (id, type, asset_id, created_at) VALUES ($1, 'ping', $2, now() - interval '5 minutes') RETURNING id", jobId, assetId);

        var job = await Workload.WaitForJobAsync(jobId, "done");
        Assert.Equal(1, job.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task An_entry_that_is_not_a_job_goes_to_the_dead_letter_stream_at_once()
    {
        var marker = Guid.NewGuid().ToString();
        var db = Workload.Redis.GetDatabase();

        var entryId = await db.StreamAddAsync("jobs", [new NameValueEntry("garbage", marker)]);

        var dead = await FindDeadLetterAsync(marker, field: "garbage");
        Assert.Equal("0", dead["attempts"]);
        await Eventually.TrueAsync(async () => (await db.StreamRangeAsync("jobs", entryId, entryId)).Length == 0, Workload.Patience, "the entry to leave the ready stream");
    }

    private async Task<Dictionary<string, string>> FindDeadLetterAsync(string value, string field = "job")
    {
        Dictionary<string, string>? found = null;
        await Eventually.TrueAsync(async () =>
        {
            var entries = await Workload.Redis.GetDatabase().StreamRangeAsync("jobs:dead", "-", "+", count: 1000, messageOrder: Order.Descending);
            found = entries.Select(e => e.Values.ToDictionary(v => v.Name.ToString(), v => v.Value.ToString()))
                .FirstOrDefault(fields => fields.GetValueOrDefault(field) == value);
            return found is not null;
        }, Workload.Patience, $"an entry with {field}={value} in the dead-letter stream");
        return found!;
    }

    /// <summary>SIGSTOP: the process stays exactly where it is, mid-job, until it is killed or thawed.</summary>
    private static void Freeze(int pid) => Assert.Equal(0, kill(pid, 19));

    /// <summary>SIGCONT: a frozen process goes on.</summary>
    private static void Thaw(int pid) => Assert.Equal(0, kill(pid, 18));

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    private static byte[] TextOfSize(int bytes)
    {
        var line = Encoding.ASCII.GetBytes("lorem ipsum dolor sit amet, consectetur adipiscing elit\n");
        var content = new byte[bytes];
        for (var i = 0; i < bytes; i += line.Length)
        {
            line.AsSpan(0, Math.Min(line.Length, bytes - i)).CopyTo(content.AsSpan(i));
        }
        return content;
    }
}
