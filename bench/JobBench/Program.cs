using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Platform.Jobs;
using Platform.Jobs.Queue;
using StackExchange.Redis;

// Drives the running stack's job queue and database directly, the way the api does, and measures:
//   throughput <jobs> <type>       jobs of a type, all queued at once; end-to-end jobs/s (enqueue -> done)
//   latency <jobs/s> <seconds> <type>  jobs queued at a fixed rate; enqueue -> start p50/p99 (the worker's 'started' event),
//                                  and meanwhile the floors: XADD round trips, SELECT 1 round trips at the same rate
// Types: 'ping' is the small job (the pipeline's own cost); 'verify-asset' reads its asset from S3 and hashes it.
//   replica-lag <seconds>          a write load on the primary; how long a committed row takes to be visible on the replica
// Environment: PRIMARY, REPLICA (Npgsql connection strings), REDIS (StackExchange.Redis configuration).
var primary = NpgsqlDataSource.Create(Environment.GetEnvironmentVariable("PRIMARY")!);
var mode = args[0];
switch (mode)
{
    case "throughput":
        await ThroughputAsync(int.Parse(args[1], CultureInfo.InvariantCulture), args[2]);
        break;
    case "latency":
        await LatencyAsync(int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture), args[3]);
        break;
    case "replica-lag":
        await ReplicaLagAsync(int.Parse(args[1], CultureInfo.InvariantCulture));
        break;
    default:
        throw new ArgumentException($"unknown mode {mode}");
}

async Task ThroughputAsync(int count, string type)
{
    var redis = await ConnectionMultiplexer.ConnectAsync(Environment.GetEnvironmentVariable("REDIS")!);
    var jobs = await InsertJobsAsync(count, type);
    var queue = redis.GetDatabase();
    var clock = Stopwatch.StartNew();
    var adds = jobs.Select(id => queue.StreamAddAsync(JobStreams.Ready, JobEntry.ForCurrentTrace(id, type).ToFields())).ToList();
    await Task.WhenAll(adds);
    var enqueued = clock.Elapsed;
    // The worker deletes each entry it has handled: an empty stream is the cheap signal, the database the proof.
    while (await queue.StreamLengthAsync(JobStreams.Ready) > 0)
    {
        await Task.Delay(5);
    }
    await WaitForAsync(jobs, "status IN ('done', 'failed')");
    var elapsed = clock.Elapsed;
    var failed = await ScalarAsync<long>("SELECT count(*) FROM jobs WHERE id = ANY($1) AND status = 'failed'", jobs);
    Console.WriteLine($"throughput: {count} {type} jobs in {elapsed.TotalSeconds:0.00} s = {count / elapsed.TotalSeconds:0} jobs/s (enqueue took {enqueued.TotalMilliseconds:0} ms, {failed} failed)");
}

async Task LatencyAsync(int rate, int seconds, string type)
{
    var redis = await ConnectionMultiplexer.ConnectAsync(Environment.GetEnvironmentVariable("REDIS")!);
    var jobs = await InsertJobsAsync(rate * seconds, type);
    var queue = redis.GetDatabase();
    var enqueuedAt = new Dictionary<Guid, DateTime>();
    // When Redis took each entry in: its stream id starts with Redis's clock in milliseconds.
    var arrivedAt = new Dictionary<Guid, DateTime>();
    // How late this process wakes for each job: the machine's own scheduling delay, the floor under any latency here.
    var lateness = new List<double>();
    // How long each XADD took to be answered: the enqueue's own share of the latency.
    var roundTrips = new List<double>();
    // Meanwhile, one PostgreSQL round trip at the same rate: a single hop of the job's path, on the same loaded cores.
    var databaseRoundTrips = DatabaseRoundTripsAsync(rate, jobs.Length);
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < jobs.Length; i++)
    {
        if (await WaitForTurnAsync(clock, i, rate) is { } late)
        {
            lateness.Add(late);
        }
        enqueuedAt[jobs[i]] = DateTime.UtcNow;
        var sending = Stopwatch.GetTimestamp();
        var entryId = await queue.StreamAddAsync(JobStreams.Ready, JobEntry.ForCurrentTrace(jobs[i], type).ToFields());
        arrivedAt[jobs[i]] = DateTime.UnixEpoch.AddMilliseconds(long.Parse(entryId.ToString().Split('-')[0], CultureInfo.InvariantCulture));
        roundTrips.Add(Stopwatch.GetElapsedTime(sending).TotalMilliseconds);
    }
    await WaitForAsync(jobs, "status IN ('done', 'failed')");
    var latencies = new List<double>();
    var fromRedis = new List<double>();
    await using (var command = primary.CreateCommand("SELECT job_id, min(at) FROM job_events WHERE job_id = ANY($1) AND event = 'started' GROUP BY job_id"))
    {
        command.Parameters.Add(new NpgsqlParameter { Value = jobs });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            latencies.Add((reader.GetDateTime(1) - enqueuedAt[reader.GetGuid(0)]).TotalMilliseconds);
            fromRedis.Add((reader.GetDateTime(1) - arrivedAt[reader.GetGuid(0)]).TotalMilliseconds);
        }
    }
    var selects = await databaseRoundTrips;
    latencies.Sort();
    fromRedis.Sort();
    lateness.Sort();
    roundTrips.Sort();
    Console.WriteLine($"latency of {type} jobs at {rate} jobs/s for {seconds} s ({latencies.Count} jobs): enqueue->start p50 {Percentile(latencies, 0.5):0.0} ms, p99 {Percentile(latencies, 0.99):0.0} ms, max {latencies[^1]:0.0} ms; "
        + $"the driver's own wake-up delay p50 {Percentile(lateness, 0.5):0.0} ms, p99 {Percentile(lateness, 0.99):0.0} ms; "
        + $"XADD answered in p50 {Percentile(roundTrips, 0.5):0.0} ms, p99 {Percentile(roundTrips, 0.99):0.0} ms; "
        + $"from Redis (entry id, 1 ms steps) to start p50 {Percentile(fromRedis, 0.5):0.0} ms, p99 {Percentile(fromRedis, 0.99):0.0} ms; "
        + $"SELECT 1 meanwhile p50 {Percentile(selects, 0.5):0.0} ms, p99 {Percentile(selects, 0.99):0.0} ms");
}

async Task<List<double>> DatabaseRoundTripsAsync(int rate, int count)
{
    await using var connection = await primary.OpenConnectionAsync();
    await using var select = new NpgsqlCommand("SELECT 1", connection);
    var times = new List<double>(count);
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        await WaitForTurnAsync(clock, i, rate);
        var sending = Stopwatch.GetTimestamp();
        await select.ExecuteScalarAsync();
        times.Add(Stopwatch.GetElapsedTime(sending).TotalMilliseconds);
    }
    times.Sort();
    return times;
}

// The i-th of a fixed-rate series waits for its due time; returns how late it woke, or null when it was already due.
static async Task<double?> WaitForTurnAsync(Stopwatch clock, int i, int rate)
{
    var due = TimeSpan.FromSeconds((double)i / rate);
    if (due <= clock.Elapsed)
    {
        return null;
    }
    await Task.Delay(due - clock.Elapsed);
    return (clock.Elapsed - due).TotalMilliseconds;
}

async Task ReplicaLagAsync(int seconds)
{
    var replica = NpgsqlDataSource.Create(Environment.GetEnvironmentVariable("REPLICA")!);
    await ExecuteAsync("CREATE TABLE IF NOT EXISTS bench_replica_load (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, payload text NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp())");
    using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
    // The write load: batches of 100 rows of 200 bytes, back to back, on 2 connections.
    var written = 0L;
    var writers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
    {
        while (!stop.IsCancellationRequested)
        {
            await ExecuteAsync("INSERT INTO bench_replica_load (payload) SELECT repeat('x', 200) FROM generate_series(1, 100)");
            Interlocked.Add(ref written, 100);
        }
    })).ToList();
    // The probe: every 20 ms, a row is committed and the replica polled until it sees it.
    var lags = new List<double>();
    await using var probe = await replica.OpenConnectionAsync();
    while (!stop.IsCancellationRequested)
    {
        var id = await ScalarAsync<long>("INSERT INTO bench_replica_load (payload) VALUES ('probe') RETURNING id");
        var committed = Stopwatch.StartNew();
        await using var seen = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM bench_replica_load WHERE id = $1)", probe) { Parameters = { new() { Value = id } } };
        while (!(bool)(await seen.ExecuteScalarAsync())!)
        {
        }
        lags.Add(committed.Elapsed.TotalMilliseconds);
        await Task.Delay(20);
    }
    await Task.WhenAll(writers);
    await ExecuteAsync("DROP TABLE bench_replica_load");
    lags.Sort();
    Console.WriteLine($"replica lag under {written / (double)seconds:0} rows/s of writes ({lags.Count} probes): p50 {Percentile(lags, 0.5):0.00} ms, p99 {Percentile(lags, 0.99):0.00} ms, max {lags[^1]:0.00} ms");
}

// Jobs on the assets the script uploaded (small text files, processed): rows first, as the api does before queueing.
async Task<Guid[]> InsertJobsAsync(int count, string type)
{
    var assets = await ListAsync<Guid>("SELECT id FROM assets WHERE status = 'done' AND file_name LIKE 'bench-%'");
    var jobs = Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7()).ToArray();
    await using var command = primary.CreateCommand("INSERT INTO jobs (id, type, asset_id) SELECT j, $2, $3[1 + (n % array_length($3, 1))] FROM unnest($1::uuid[]) WITH ORDINALITY AS t(j, n)");
    command.Parameters.Add(new NpgsqlParameter { Value = jobs });
    command.Parameters.Add(new NpgsqlParameter { Value = type });
    command.Parameters.Add(new NpgsqlParameter { Value = assets.ToArray() });
    await command.ExecuteNonQueryAsync();
    return jobs;
}

async Task WaitForAsync(Guid[] jobs, string condition)
{
    while (await ScalarAsync<long>($"SELECT count(*) FROM jobs WHERE id = ANY($1) AND {condition}", jobs) < jobs.Length)
    {
        await Task.Delay(20);
    }
}

async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
{
    await using var command = primary.CreateCommand(sql);
    foreach (var parameter in parameters)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = parameter });
    }
    return (T)(await command.ExecuteScalarAsync())!;
}

async Task<List<T>> ListAsync<T>(string sql)
{
    var list = new List<T>();
    await using var command = primary.CreateCommand(sql);
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        list.Add(reader.GetFieldValue<T>(0));
    }
    return list;
}

async Task ExecuteAsync(string sql)
{
    await using var command = primary.CreateCommand(sql);
    await command.ExecuteNonQueryAsync();
}

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
