using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Aspire.Hosting.Testing;
using Platform.Tests.Graph;
using Platform.Tests.Identity;
using Xunit.Abstractions;

namespace Platform.Tests.Workload.Fuzz;

/// <summary>
/// Generated bad input, over every endpoint of the api and every form of web, from one seed per run (printed, and in
/// every failure: <c>PLATFORM_FUZZ_SEED=&lt;seed&gt;</c> replays it). Each case must be answered with a 4xx that says
/// what was wrong (a ProblemDetails; web's pages may show it in the page or send the browser back to the form with it),
/// never a 5xx, and must write nothing: no row, no object, no job.
/// </summary>
[Collection("graph")]
public sealed partial class FuzzTests(GraphFixture fixture, ITestOutputHelper output) : WorkloadTestClass(fixture)
{
    /// <summary>People whose tokens the api's cases take in turn: each sends fewer changes than the rate limit allows
    /// in a window (60 in 10 s), however fast the cases go.</summary>
    private const int PoolSize = 5;

    private static readonly ConcurrentDictionary<string, (string[] Tokens, string ReadOnlyToken, FuzzContext Context)> Prepared = new();

    private readonly List<HttpClient> _clients = [];
    private HttpClient[] _people = [];
    private HttpClient _anonymous = null!;
    private HttpClient _readOnly = null!;
    private HttpClient _web = null!;
    private FuzzContext _context = null!;
    private int _turn;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _web = Keep(await IdentityFlows.WebAsAsync(Fixture.App, Email));
        var (tokens, readOnlyToken, context) = Prepared.TryGetValue(Email, out var prepared) ? prepared : Prepared[Email] = await PrepareAsync();
        _people = [.. tokens.Select(token => Keep(IdentityFlows.ApiAs(Fixture.App, token)))];
        _readOnly = Keep(IdentityFlows.ApiAs(Fixture.App, readOnlyToken));
        _anonymous = Keep(Fixture.App.CreateHttpClient("api"));
        // A fresh browser session holds new antiforgery cookies: take this session's tokens.
        _context = context with { UploadAction = await UploadActionAsync(_web), FormToken = IdentityFlows.AntiforgeryToken(await _web.GetStringAsync($"/assets/{context.AssetId}")) };
        await Workload.WaitUntilQuietAsync();
    }

    public override async Task DisposeAsync()
    {
        _clients.ForEach(client => client.Dispose());
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Bad_ids_paging_and_methods_get_a_4xx_problem_and_change_nothing()
    {
        var random = new Random(FuzzSeed.Value);
        await RunAsync(nameof(Bad_ids_paging_and_methods_get_a_4xx_problem_and_change_nothing), [
            .. ApiCases.BadIds(random, 60),
            .. ApiCases.BadPages(random, 40),
            .. ApiCases.WrongMethods(random, _context.AssetId, _context.JobId, 15)]);
    }

    [Fact]
    public async Task Bad_uploads_get_a_4xx_problem_and_store_nothing()
    {
        var random = new Random(FuzzSeed.Value + 1);
        await RunAsync(nameof(Bad_uploads_get_a_4xx_problem_and_store_nothing), [.. ApiCases.BadUploads(random, 80)]);
    }

    [Fact]
    public async Task Bad_job_requests_credentials_and_headers_get_a_4xx_problem_and_queue_nothing()
    {
        var random = new Random(FuzzSeed.Value + 2);
        var token = _people[0].DefaultRequestHeaders.Authorization!.Parameter!;
        await RunAsync(nameof(Bad_job_requests_credentials_and_headers_get_a_4xx_problem_and_queue_nothing), [
            .. JobCases.Generate(random, _context.AssetId, 50),
            .. ApiCases.BadAuthentication(random, _context.AssetId, _context.JobId, token, 35),
            .. ApiCases.BadHeaders(random, _context.AssetId, _context.JobId, 25)]);
    }

    [Fact]
    public async Task Bad_posts_to_the_forms_of_web_get_a_4xx_answer_and_change_nothing()
    {
        var random = new Random(FuzzSeed.Value + 3);
        await RunAsync(nameof(Bad_posts_to_the_forms_of_web_get_a_4xx_answer_and_change_nothing), [.. WebCases.Generate(random, _context, 50)]);
    }

    [Fact]
    public async Task Uploads_that_stall_are_cut_off_with_408_and_store_nothing()
    {
        var random = new Random(FuzzSeed.Value + 4);
        var before = await WrittenState.CountAsync(Workload, objects: true);
        var clock = Stopwatch.StartNew();
        var token = _people[0].DefaultRequestHeaders.Authorization!.Parameter!;

        // Together: each waits for the server's own timeout (Kestrel's minimum data rate: 240 bytes/s after 5 s).
        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
        {
            var body = Multipart.Body(Multipart.Boundary, Multipart.FilePart("slow.txt", System.Text.Encoding.UTF8.GetBytes(random.Text(100, 2000))));
            var start = body[..random.Next(0, Multipart.ClosingDelimiterAt(body))];
            return RawHttp.SendStalledAsync(Fixture.App.GetEndpoint("api"), "/api/assets",
                [("Authorization", $"Bearer {token}"), ("Content-Type", Multipart.ContentType())], start, body.Length + 1024 * 1024, Workload.Patience);
        }));

        output.WriteLine($"fuzz seed {FuzzSeed.Value}: {answers.Length} stalled uploads cut off in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.All(answers, answer =>
        {
            Assert.True(answer.Status == 408, $"seed {FuzzSeed.Value}: a stalled upload answered {answer.Status}: {answer.Body}");
            Assert.StartsWith("application/problem+json", answer.ContentType);
            Assert.Contains("too slowly", answer.Body);
        });
        Assert.Equal(before, await WrittenState.CountAsync(Workload, objects: true));
    }

    private async Task RunAsync(string test, IReadOnlyList<FuzzCase> cases)
    {
        var clock = Stopwatch.StartNew();
        var runner = new FuzzRunner(Workload, FuzzSeed.Value, ClientFor);
        await runner.RunAsync(cases);
        output.WriteLine($"{test}: fuzz seed {FuzzSeed.Value} ({FuzzSeed.Variable}={FuzzSeed.Value} replays it): {runner.Sent} cases in {clock.Elapsed.TotalSeconds:0.0} s, {runner.Failures.Count} failed");
        runner.AssertNoFailures();
    }

    private HttpClient ClientFor(FuzzSender sender) => sender switch
    {
        FuzzSender.Person => _people[_turn++ % _people.Length],
        FuzzSender.AsTheCaseSays => _anonymous,
        FuzzSender.ReadOnly => _readOnly,
        _ => _web,
    };

    /// <summary>The pool's tokens, a read-only token, an asset and its job, and another session's upload form.</summary>
    private async Task<(string[], string, FuzzContext)> PrepareAsync()
    {
        var people = await Task.WhenAll(Enumerable.Range(0, PoolSize).Select(_ => IdentityFlows.RegisterAsync(Fixture.App)));
        var tokens = await Task.WhenAll(people.Select(person => IdentityFlows.UserAccessTokenAsync(Fixture.App, person)));
        var readOnlyToken = await IdentityFlows.UserAccessTokenAsync(Fixture.App, people[0], scope: "openid assets.read");
        var asset = await Workload.UploadAsync("fuzz target\n"u8.ToArray(), "target.txt");
        var assetId = asset.GetProperty("id").GetGuid();
        await Workload.WaitForAssetAsync(assetId, "done");
        var jobId = asset.GetProperty("latestJobId").GetGuid();
        using var otherSession = await IdentityFlows.WebAsAsync(Fixture.App, people[1]);
        return (tokens, readOnlyToken, new FuzzContext(assetId, jobId, "", "", await UploadActionAsync(otherSession)));
    }

    private static async Task<string> UploadActionAsync(HttpClient web) =>
        WebUtility.HtmlDecode(UploadAction().Match(await web.GetStringAsync("/upload")).Groups["action"].Value);

    private HttpClient Keep(HttpClient client)
    {
        _clients.Add(client);
        return client;
    }

    [GeneratedRegex("action=\"(?<action>/uploads\\?[^\"]+)\"")]
    private static partial Regex UploadAction();
}
