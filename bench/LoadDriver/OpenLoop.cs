using System.Diagnostics;

namespace LoadDriver;

/// <summary>
/// Sends the mix open-loop: request i is due at i / rate seconds whether or not earlier ones have been answered, and
/// its latency is counted from when it was due, so a stalled system shows as latency instead of as fewer requests
/// (no coordinated omission). Requests beyond <see cref="MaxInFlight"/> at once are not sent and count as status 0.
/// </summary>
internal sealed class OpenLoop(RequestSender sender, IReadOnlyList<SimulatedPerson> people, IReadOnlyList<SimulatedPerson> webPeople, int seed)
{
    public const int MaxInFlight = 20_000;
    private int _inFlight;

    /// <summary>The longest the loop woke after a request was due: the driver's own lag, which the latencies include.</summary>
    public double MaxLagMs { get; private set; }

    /// <summary>Runs warm-up then measurement; returns the measurement's outcomes (due times from its start) and its start.</summary>
    public async Task<(List<Outcome> Outcomes, DateTimeOffset Start)> RunAsync(int rate, TimeSpan warmUp, TimeSpan measure)
    {
        var outcomes = new List<Outcome>(rate * (int)measure.TotalSeconds + 1024);
        var random = new Random(seed);
        var total = (long)(rate * (warmUp + measure).TotalSeconds);
        var clock = Stopwatch.StartNew();
        var start = DateTimeOffset.UtcNow + warmUp;
        var running = new List<Task>();
        for (long i = 0; i < total;)
        {
            var now = clock.Elapsed.TotalMilliseconds;
            for (; i < total && DueMs(i, rate) <= now; i++)
            {
                MaxLagMs = Math.Max(MaxLagMs, now - DueMs(i, rate));
                var route = Mix.Pick(random);
                var person = route is Route.WebIndex or Route.WebAsset or Route.WebAnalytics ? webPeople[random.Next(webPeople.Count)] : people[random.Next(people.Count)];
                var measured = DueMs(i, rate) >= warmUp.TotalMilliseconds;
                running.Add(SendOneAsync(route, person, random.Next(), clock, DueMs(i, rate), measured ? outcomes : null, warmUp.TotalMilliseconds));
            }
            if (running.Count > 4096)
            {
                running.RemoveAll(t => t.IsCompleted);
            }
            if (i < total)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(1, DueMs(i, rate) - clock.Elapsed.TotalMilliseconds)));
            }
        }
        await Task.WhenAll(running);
        return (outcomes, start);
    }

    private static double DueMs(long i, int rate) => i * 1000.0 / rate;

    private async Task SendOneAsync(Route route, SimulatedPerson person, int seed, Stopwatch clock, double dueMs, List<Outcome>? outcomes, double offsetMs)
    {
        var status = 0;
        if (Interlocked.Increment(ref _inFlight) <= MaxInFlight)
        {
            await Task.Yield();
            status = await sender.SendAsync(route, person, new Random(seed));
        }
        Interlocked.Decrement(ref _inFlight);
        if (outcomes is not null)
        {
            var outcome = new Outcome(route, dueMs - offsetMs, clock.Elapsed.TotalMilliseconds - dueMs, status);
            lock (outcomes)
            {
                outcomes.Add(outcome);
            }
        }
    }
}
