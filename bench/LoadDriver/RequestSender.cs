using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace LoadDriver;

/// <summary>Sends one request of a route as a person, reads the whole answer, and returns its status code (0: no answer
/// within the timeout, or no connection). What the api accepts is remembered, for the person's next reads and for the log.</summary>
internal sealed class RequestSender(HttpClient api, Endpoints endpoints, AcceptedLog accepted, TimeSpan timeout)
{
    private readonly PresignedTransfers _transfers = new(api, endpoints);

    public async Task<int> SendAsync(Route route, SimulatedPerson person, Random random)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            switch (route)
            {
                case Route.Upload:
                    var (status, assetId) = await _transfers.UploadAsync(person.AccessToken, UploadFiles.Next(random, UploadFiles.NextSize(random)), cancel.Token);
                    if (assetId is { } id)
                    {
                        person.AddAsset(id, processed: false);
                        accepted.Add("asset", id);
                    }
                    return status;
                case Route.AssetContent:
                    return await _transfers.DownloadAsync(person.AccessToken, person.AnyAsset(random), cancel.Token);
            }
            using var request = Build(route, person, random);
            var client = route is Route.WebIndex or Route.WebAsset or Route.WebAnalytics ? person.Browser : api;
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
            if (route is Route.JobCreate && response.IsSuccessStatusCode)
            {
                var job = (await response.Content.ReadFromJsonAsync<JsonElement>(cancel.Token)).GetProperty("id").GetGuid();
                person.AddJob(job);
                accepted.Add("job", job);
            }
            else
            {
                await response.Content.CopyToAsync(Stream.Null, cancel.Token);
            }
            return (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            return 0;
        }
    }

    private HttpRequestMessage Build(Route route, SimulatedPerson person, Random random)
    {
        var request = route switch
        {
            Route.AssetGet => Get($"/api/assets/{person.AnyAsset(random)}"),
            Route.AssetList => Get($"/api/assets?pageIndex=0&pageSize=20"),
            Route.AssetReport => Get($"/api/assets/{person.ProcessedAsset(random)}/report"),
            Route.Analytics => Get("/api/analytics/summary"),
            Route.JobGet => Get($"/api/jobs/{person.RecentJob(random)}"),
            Route.JobCreate => new HttpRequestMessage(HttpMethod.Post, new Uri(endpoints.Api, "/api/jobs"))
            {
                // Jobs that may run at any time: a canary, and a check of a processed asset's stored bytes.
                Content = JsonContent.Create(new { type = random.Next(5) < 3 ? "ping" : "verify-asset", assetId = person.ProcessedAsset(random) }),
            },
            Route.WebIndex => new HttpRequestMessage(HttpMethod.Get, new Uri(endpoints.Web, "/")),
            Route.WebAsset => new HttpRequestMessage(HttpMethod.Get, new Uri(endpoints.Web, $"/assets/{person.ProcessedAsset(random)}")),
            Route.WebAnalytics => new HttpRequestMessage(HttpMethod.Get, new Uri(endpoints.Web, "/analytics")),
            _ => throw new ArgumentOutOfRangeException(nameof(route)),
        };
        if (request.RequestUri!.AbsolutePath.StartsWith("/api/", StringComparison.Ordinal))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", person.AccessToken);
        }
        return request;

        HttpRequestMessage Get(string path) => new(HttpMethod.Get, new Uri(endpoints.Api, path));
    }
}
