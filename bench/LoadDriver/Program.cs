using System.Globalization;
using LoadDriver;
using Platform.AWSSDK.S3;

// The load driver of bench/sla.sh and bench/chaos.sh. Modes:
//   run --rate R --seconds S [--warmup W] [--people P] [--web-people N] [--seed X] [--timeout-seconds T]
//       the mix (Mix.cs) open-loop at R requests/s for W + S seconds, measured over the last S; prints a table per
//       route and a SUMMARY line. TIMELINE_FILE (optional): per-second figures; ACCEPTED_FILE (optional): every asset
//       and job the api accepted. Environment: API, WEB, IDENTITY (base URLs), WEB_CLIENT_SECRET_FILE (a file holding
//       the web client's secret, for the code exchange that gives each person an api token).
//   list-objects: the bucket's object keys, one a line; environment ASSETS (the api's S3 connection string).
// Loopback only: every address it is given is a local service of the stack.
var options = args.Skip(1).Chunk(2).ToDictionary(pair => pair[0].TrimStart('-'), pair => pair[1]);
switch (args.FirstOrDefault())
{
    case "run":
        await RunAsync();
        break;
    case "list-objects":
        await ListObjectsAsync();
        break;
    default:
        Console.Error.WriteLine("usage: LoadDriver run --rate R --seconds S [--warmup W] [--people P] [--web-people N] [--seed X] | list-objects");
        return 2;
}
return 0;

async Task RunAsync()
{
    var rate = Int("rate", 0);
    var seconds = Int("seconds", 0);
    if (rate <= 0 || seconds is <= 0 or > 3600)
    {
        throw new ArgumentException("--rate and --seconds (at most 3600) are required");
    }
    // Enough people that none comes near the api's limit on changes (60 per 10 s): about 30 changes each per window.
    var people = Int("people", Math.Max(8, (int)Math.Ceiling(rate * Mix.MutationShare / 3)));
    ThreadPool.SetMinThreads(64, 64);
    var endpoints = Endpoints.FromEnvironment();
    using var api = new HttpClient(BrowserHandler.Sockets()) { Timeout = Timeout.InfiniteTimeSpan };
    var everyone = await new PeopleSetup(endpoints, api).CreateAsync(people, Int("web-people", 4));
    Console.WriteLine($"{people} people signed in ({Int("web-people", 4)} of them in web too), each with 2 processed assets");
    using var accepted = new AcceptedLog(Environment.GetEnvironmentVariable("ACCEPTED_FILE"));
    var sender = new RequestSender(api, endpoints, accepted, TimeSpan.FromSeconds(Int("timeout-seconds", 10)));
    var loop = new OpenLoop(sender, everyone, everyone.Take(Int("web-people", 4)).ToList(), Int("seed", 19));
    // bench/chaos.sh times its faults from this line.
    Console.WriteLine($"START {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()} warm-up {Int("warmup", 5)} s, then {seconds} s measured");
    var (outcomes, start) = await loop.RunAsync(rate, TimeSpan.FromSeconds(Int("warmup", 5)), TimeSpan.FromSeconds(seconds));
    Report.Print(outcomes, rate, seconds, loop.MaxLagMs);
    if (Environment.GetEnvironmentVariable("TIMELINE_FILE") is { Length: > 0 } timeline)
    {
        Report.WriteTimeline(timeline, outcomes, start);
    }
}

async Task ListObjectsAsync()
{
    var connection = S3Connection.Parse(Environment.GetEnvironmentVariable("ASSETS") ?? throw new InvalidOperationException("ASSETS is not set"));
    using var s3 = connection.CreateClient();
    var request = new Amazon.S3.Model.ListObjectsV2Request { BucketName = connection.BucketName };
    do
    {
        var page = await s3.ListObjectsV2Async(request);
        foreach (var item in page.S3Objects ?? [])
        {
            Console.WriteLine(item.Key);
        }
        request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
    }
    while (request.ContinuationToken is not null);
}

int Int(string name, int fallback) => options.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
