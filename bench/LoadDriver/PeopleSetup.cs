using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;

namespace LoadDriver;

/// <summary>
/// The people of a run, new for each run: registered and signed in (an api token each; a web session for those who
/// use web), each with two small processed assets and a job, so that every route of the mix has something to read.
/// </summary>
internal sealed class PeopleSetup(Endpoints endpoints, HttpClient api)
{
    private const int SeedAssetsPerPerson = 2;
    private static readonly TimeSpan ProcessingPatience = TimeSpan.FromSeconds(60);
    // Sign-ins hash passwords (PBKDF2) on identity: a few at a time keep the setup from being its own load test.
    private const int ConcurrentSignIns = 4;

    public async Task<List<SimulatedPerson>> CreateAsync(int count, int withWeb)
    {
        var run = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        // A password made for this run and kept in memory only.
        var password = $"Bench-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}-9";
        using var gate = new SemaphoreSlim(ConcurrentSignIns);
        var people = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                return await SignUpAsync(i, $"bench-{run}-{i}@bench.local", password, web: i < withWeb);
            }
            finally
            {
                gate.Release();
            }
        }));
        await Task.WhenAll(people.Select(SeedAsync));
        return [.. people];
    }

    private async Task<SimulatedPerson> SignUpAsync(int index, string email, string password, bool web)
    {
        var browser = new HttpClient(BrowserHandler.For(SimulatedPerson.SourceAddressOf(index), endpoints.Identity.Port)) { Timeout = TimeSpan.FromSeconds(30) };
        await PersonSignIn.RegisterAsync(browser, endpoints, email, password);
        var person = new SimulatedPerson(email, browser) { AccessToken = await PersonSignIn.AccessTokenAsync(browser, endpoints, email, password) };
        if (web)
        {
            await WebSessionWithRetriesAsync(browser, email, password);
        }
        return person;
    }

    /// <summary>web's sign-in, tried again (up to 5 times) if it fails: after an overload, web has been seen to answer a
    /// sign-in with 500 for a while (reported, not hidden: the attempts are printed).</summary>
    private async Task WebSessionWithRetriesAsync(HttpClient browser, string email, string password)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await PersonSignIn.WebSessionAsync(browser, endpoints, email, password);
                return;
            }
            catch (InvalidOperationException e) when (attempt < 5)
            {
                Console.WriteLine($"web sign-in attempt {attempt} failed ({e.Message}); trying again in 2 s");
                await Task.Delay(TimeSpan.FromSeconds(2));
            }
        }
    }

    private async Task SeedAsync(SimulatedPerson person)
    {
        var random = new Random(person.Email.GetHashCode(StringComparison.Ordinal));
        var assets = new List<Guid>();
        var transfers = new PresignedTransfers(api, endpoints);
        for (var i = 0; i < SeedAssetsPerPerson; i++)
        {
            var (status, id) = await transfers.UploadAsync(person.AccessToken, UploadFiles.Next(random, 1024 + random.Next(3 * 1024)), CancellationToken.None);
            assets.Add(id ?? throw new InvalidOperationException($"a seed upload answered {status}"));
        }
        foreach (var asset in assets)
        {
            await WaitUntilProcessedAsync(person, asset);
            person.AddAsset(asset, processed: true);
        }
        using var job = Authorized(HttpMethod.Post, "/api/jobs", person);
        job.Content = JsonContent.Create(new { type = "ping", assetId = assets[0] });
        person.AddJob(await AcceptedIdAsync(job));
    }

    private async Task WaitUntilProcessedAsync(SimulatedPerson person, Guid asset)
    {
        var deadline = DateTime.UtcNow + ProcessingPatience;
        while (true)
        {
            using var request = Authorized(HttpMethod.Get, $"/api/assets/{asset}", person);
            using var response = await api.SendAsync(request);
            response.EnsureSuccessStatusCode();
            var status = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString();
            if (status == "done")
            {
                return;
            }
            if (status == "failed" || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"seed asset {asset} is {status}");
            }
            await Task.Delay(100);
        }
    }

    private async Task<Guid> AcceptedIdAsync(HttpRequestMessage request)
    {
        using var response = await api.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private HttpRequestMessage Authorized(HttpMethod method, string path, SimulatedPerson person)
    {
        var request = new HttpRequestMessage(method, new Uri(endpoints.Api, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", person.AccessToken);
        return request;
    }
}
