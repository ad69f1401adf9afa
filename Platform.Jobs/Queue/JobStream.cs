using System.Globalization;
using System.Text.Json;
using StackExchange.Redis;

namespace Platform.Jobs.Queue;

/// <summary>
/// Every command on the job queue: the api adds entries, the workers read them as one consumer group and hand each
/// over. Every hand-over is one MULTI, so an entry is always in exactly one place: the stream (new or pending), the
/// delayed set, or the dead-letter stream. Handled entries are deleted, so the stream's length is what is left to do.
/// Delivery is at-least-once, so handlers must be idempotent.
/// </summary>
public sealed class JobStream
{
    public static readonly string Consumer = $"{Environment.MachineName}-{Environment.ProcessId}";

    private const int DeadLetterMaxLength = 10_000;

    // Moves due retries back onto the ready stream. Atomic, so concurrent workers never move one twice.
    private static readonly LuaScript PromoteScript = LuaScript.Prepare("""
        local due = redis.call('ZRANGEBYSCORE', @delayed, '-inf', @now, 'LIMIT', 0, @limit)
        for _, member in ipairs(due) do
            redis.call('ZREM', @delayed, member)
            redis.call('XADD', @ready, '*', unpack(cjson.decode(member)))
        end
        return #due
        """);

    private readonly IConnectionMultiplexer _redis;
    private readonly TimeProvider _time;
    private readonly Lazy<Batcher<RedisValue, bool>> _acks;

    public JobStream(IConnectionMultiplexer redis, TimeProvider time)
    {
        _redis = redis;
        _time = time;
        // Made on first use: only workers acknowledge.
        _acks = new(() => new(AckAllAsync, maxBatch: 512));
    }

    private IDatabase Db => _redis.GetDatabase();

    public async Task EnqueueAsync(JobEntry entry) => await Db.StreamAddAsync(JobStreams.Ready, entry.ToFields());

    /// <summary>
    /// Reads up to <paramref name="count"/> new entries for this consumer, waiting up to <paramref name="block"/> for
    /// them. A blocking read holds its connection, so it runs on <paramref name="reader"/>, a connection of its own
    /// (StackExchange.Redis has no blocking commands: XREADGROUP with BLOCK is sent as it is, and its reply parsed here).
    /// </summary>
    public static async Task<StreamEntry[]> ReadNewAsync(IDatabase reader, int count, TimeSpan block)
    {
        var result = await reader.ExecuteAsync("XREADGROUP", "GROUP", JobStreams.WorkerGroup, Consumer,
            "COUNT", count, "BLOCK", (long)block.TotalMilliseconds, "STREAMS", JobStreams.Ready, ">");
        if (result.IsNull)
        {
            return [];
        }
        // [[stream, [[id, [field, value, ...]], ...]]]
        var entries = (RedisResult[])((RedisResult[])((RedisResult[])result!)[0]!)[1]!;
        return [.. entries.Select(e =>
        {
            var parts = (RedisResult[])e!;
            var fields = (RedisResult[])parts[1]!;
            var values = new NameValueEntry[fields.Length / 2];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = new NameValueEntry((RedisValue)fields[2 * i], (RedisValue)fields[2 * i + 1]);
            }
            return new StreamEntry((RedisValue)parts[0], values);
        })];
    }

    public async Task EnsureGroupAsync()
    {
        try
        {
            // From the beginning: jobs queued before any worker existed are not skipped.
            await Db.StreamCreateConsumerGroupAsync(JobStreams.Ready, JobStreams.WorkerGroup, StreamPosition.Beginning, createStream: true);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
        }
    }

    /// <summary>Takes over entries that another consumer has held for longer than <paramref name="minIdle"/> without renewing.</summary>
    public async Task<StreamEntry[]> ClaimStaleAsync(TimeSpan minIdle, int count)
    {
        var result = await Db.StreamAutoClaimAsync(JobStreams.Ready, JobStreams.WorkerGroup, Consumer, (long)minIdle.TotalMilliseconds, "0-0", count);
        return result.ClaimedEntries;
    }

    /// <summary>Renews this consumer's hold on its running jobs, so that they are not taken over as stale.</summary>
    public Task RenewAsync(RedisValue[] entryIds) =>
        Db.StreamClaimIdsOnlyAsync(JobStreams.Ready, JobStreams.WorkerGroup, Consumer, 0, entryIds);

    /// <summary>Forgets a handled entry.</summary>
    public Task AckAsync(RedisValue entryId) => _acks.Value.RunAsync(entryId);

    private async Task<IReadOnlyList<bool>> AckAllAsync(IReadOnlyList<RedisValue> batch)
    {
        RedisValue[] ids = [.. batch];
        var transaction = Db.CreateTransaction();
        _ = transaction.StreamAcknowledgeAsync(JobStreams.Ready, JobStreams.WorkerGroup, ids);
        _ = transaction.StreamDeleteAsync(JobStreams.Ready, ids);
        return Enumerable.Repeat(await transaction.ExecuteAsync(), batch.Count).ToList();
    }

    /// <summary>Moves the entry to the delayed set, due <paramref name="delay"/> from now.</summary>
    public async Task ScheduleRetryAsync(StreamEntry entry, TimeSpan delay)
    {
        var due = _time.GetUtcNow() + delay;
        var fields = entry.Values.SelectMany(f => new[] { f.Name.ToString(), f.Value.ToString() }).ToArray();
        var transaction = Db.CreateTransaction();
        _ = transaction.SortedSetAddAsync(JobStreams.Delayed, JsonSerializer.Serialize(fields), due.ToUnixTimeMilliseconds());
        _ = transaction.StreamAcknowledgeAsync(JobStreams.Ready, JobStreams.WorkerGroup, entry.Id);
        _ = transaction.StreamDeleteAsync(JobStreams.Ready, [entry.Id]);
        await transaction.ExecuteAsync();
    }

    /// <summary>Puts a job that this worker will not finish (it is stopping) back at the end of the queue.</summary>
    public async Task HandBackAsync(StreamEntry entry)
    {
        var transaction = Db.CreateTransaction();
        _ = transaction.StreamAddAsync(JobStreams.Ready, entry.Values);
        _ = transaction.StreamAcknowledgeAsync(JobStreams.Ready, JobStreams.WorkerGroup, entry.Id);
        _ = transaction.StreamDeleteAsync(JobStreams.Ready, [entry.Id]);
        await transaction.ExecuteAsync();
    }

    public async Task DeadLetterAsync(StreamEntry entry, int attempts, string error)
    {
        NameValueEntry[] fields =
        [
            .. entry.Values,
            new("attempts", attempts),
            new("error", error),
            new("failed", _time.GetUtcNow().ToUnixTimeMilliseconds()),
            new("consumer", Consumer),
        ];
        var transaction = Db.CreateTransaction();
        _ = transaction.StreamAddAsync(JobStreams.DeadLetter, fields, maxLength: DeadLetterMaxLength, useApproximateMaxLength: true);
        _ = transaction.StreamAcknowledgeAsync(JobStreams.Ready, JobStreams.WorkerGroup, entry.Id);
        _ = transaction.StreamDeleteAsync(JobStreams.Ready, [entry.Id]);
        await transaction.ExecuteAsync();
    }

    public async Task<int> PromoteDueRetriesAsync(int limit)
    {
        var moved = await Db.ScriptEvaluateAsync(PromoteScript, new
        {
            delayed = (RedisKey)JobStreams.Delayed,
            ready = (RedisKey)JobStreams.Ready,
            now = _time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            limit,
        });
        return (int)moved;
    }

    /// <summary>Whether this worker takes the turn to look for lost jobs: one worker per <paramref name="turn"/>.</summary>
    public Task<bool> TakeSweepTurnAsync(TimeSpan turn) =>
        Db.StringSetAsync(JobStreams.SweepTurn, Consumer, turn, When.NotExists);

    /// <summary>The jobs that entries on the ready stream name, delivered or not.</summary>
    public async Task<HashSet<Guid>> QueuedJobIdsAsync()
    {
        var ids = new HashSet<Guid>();
        RedisValue after = "-";
        while (true)
        {
            var page = await Db.StreamRangeAsync(JobStreams.Ready, after, "+", count: 1000);
            foreach (var entry in page)
            {
                if (JobEntry.TryParse(entry.Values) is { } job)
                {
                    ids.Add(job.JobId);
                }
            }
            if (page.Length < 1000)
            {
                return ids;
            }
            after = "(" + page[^1].Id;
        }
    }

    /// <summary>Queues jobs again, all in one round trip, without the trace of the request that recorded them (that
    /// request is long gone).</summary>
    public Task RequeueAsync(IEnumerable<(Guid Id, string Type)> jobs)
    {
        var queuedAt = _time.GetUtcNow().ToUnixTimeMilliseconds();
        return Task.WhenAll(jobs.Select(job => Db.StreamAddAsync(JobStreams.Ready, new JobEntry(job.Id, job.Type, null, null, queuedAt).ToFields())));
    }

    /// <summary>Entries not yet delivered to any worker, and entries delivered but not yet handled.</summary>
    public async Task<(long Waiting, long Pending)> DepthAsync()
    {
        var group = (await Db.StreamGroupInfoAsync(JobStreams.Ready)).FirstOrDefault(g => g.Name == JobStreams.WorkerGroup);
        return (group.Lag ?? 0, group.PendingMessageCount);
    }

    /// <summary>Leaves the group when this consumer holds nothing, so stopped workers do not pile up in it.</summary>
    public async Task LeaveGroupIfIdleAsync()
    {
        var me = (await Db.StreamConsumerInfoAsync(JobStreams.Ready, JobStreams.WorkerGroup)).FirstOrDefault(c => c.Name == Consumer);
        if (me.Name is not null && me.PendingMessageCount == 0)
        {
            await Db.StreamDeleteConsumerAsync(JobStreams.Ready, JobStreams.WorkerGroup, Consumer);
        }
    }
}
