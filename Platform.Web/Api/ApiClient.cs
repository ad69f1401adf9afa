using System.Net;
using System.Text.Json;

namespace Platform.Web.Api;

/// <summary>The api, as the pages use it. A 4xx answer comes back as its <see cref="Problem"/> for the page to show.</summary>
public sealed class ApiClient(IHttpClientFactory clients)
{
    public const string Reads = "api";
    public const string Writes = "api-writes";

    private HttpClient ReadClient => clients.CreateClient(Reads);
    private HttpClient WriteClient => clients.CreateClient(Writes);

    public async Task<PaginatedItems<Asset>> ListAssetsAsync(int pageIndex, int pageSize, CancellationToken cancellationToken) =>
        (await ReadClient.GetFromJsonAsync<PaginatedItems<Asset>>($"/api/assets?pageIndex={pageIndex}&pageSize={pageSize}", cancellationToken))!;

    public Task<Asset?> GetAssetAsync(Guid id, CancellationToken cancellationToken) => GetOrNullAsync<Asset>($"/api/assets/{id}", cancellationToken);

    public Task<Job?> GetJobAsync(Guid id, CancellationToken cancellationToken) => GetOrNullAsync<Job>($"/api/jobs/{id}", cancellationToken);

    public Task<JsonElement?> GetReportAsync(Guid assetId, CancellationToken cancellationToken) =>
        GetOrNullAsync<JsonElement?>($"/api/assets/{assetId}/report", cancellationToken);

    public async Task<AnalyticsSummary> GetAnalyticsAsync(CancellationToken cancellationToken) =>
        (await ReadClient.GetFromJsonAsync<AnalyticsSummary>("/api/analytics/summary", cancellationToken))!;

    /// <summary>Passes a browser's multipart upload on to the api as a stream.</summary>
    public async Task<(Asset? Asset, Problem? Problem)> UploadAsync(Stream body, string? contentType, long? contentLength, CancellationToken cancellationToken)
    {
        using var content = new StreamContent(body);
        if (contentType is not null)
        {
            // Passed on as sent, valid or not: the api says what is wrong with it.
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        content.Headers.ContentLength = contentLength;
        using var response = await WriteClient.PostAsync("/api/assets", content, cancellationToken);
        return await ReadAsync<Asset>(response, cancellationToken);
    }

    public async Task<(Job? Job, Problem? Problem)> CreateJobAsync(string type, Guid assetId, CancellationToken cancellationToken)
    {
        using var response = await WriteClient.PostAsJsonAsync("/api/jobs", new { type, assetId }, cancellationToken);
        return await ReadAsync<Job>(response, cancellationToken);
    }

    public async Task<Problem?> DeleteAssetAsync(Guid id, CancellationToken cancellationToken)
    {
        using var response = await WriteClient.DeleteAsync($"/api/assets/{id}", cancellationToken);
        return response.IsSuccessStatusCode ? null : await ProblemOf(response, cancellationToken);
    }

    /// <summary>Where the asset's bytes can be fetched (the api's redirect to a short-lived presigned GET, which the read
    /// client does not follow), or null when the asset is not found.</summary>
    public async Task<Uri?> GetContentLocationAsync(Guid id, CancellationToken cancellationToken)
    {
        using var response = await ReadClient.GetAsync($"/api/assets/{id}/content", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location is null)
        {
            response.EnsureSuccessStatusCode();
            throw new HttpRequestException($"The api answered {(int)response.StatusCode} without a location for the content of asset {id}.");
        }
        return response.Headers.Location;
    }

    /// <summary>A presigned upload for a browser to send the file itself (<c>POST /api/uploads</c>).</summary>
    public async Task<(UploadTicket? Ticket, Problem? Problem)> CreateUploadAsync(NewUpload upload, CancellationToken cancellationToken)
    {
        using var response = await WriteClient.PostAsJsonAsync("/api/uploads", upload, cancellationToken);
        return await ReadAsync<UploadTicket>(response, cancellationToken);
    }

    public async Task<(Asset? Asset, Problem? Problem)> CompleteUploadAsync(Guid uploadId, CancellationToken cancellationToken)
    {
        using var response = await WriteClient.PostAsync($"/api/uploads/{uploadId}/complete", content: null, cancellationToken);
        return await ReadAsync<Asset>(response, cancellationToken);
    }

    private async Task<T?> GetOrNullAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await ReadClient.GetAsync(path, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return default;
        }
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<T>(cancellationToken);
    }

    private static async Task<(T?, Problem?)> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken) where T : class
    {
        if (response.IsSuccessStatusCode)
        {
            return (await response.Content.ReadFromJsonAsync<T>(cancellationToken), null);
        }
        return (null, await ProblemOf(response, cancellationToken));
    }

    private static async Task<Problem> ProblemOf(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if ((int)response.StatusCode >= 500)
        {
            response.EnsureSuccessStatusCode();
        }
        return response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            ? (await response.Content.ReadFromJsonAsync<Problem>(cancellationToken))! with { Status = (int)response.StatusCode }
            : new Problem($"{(int)response.StatusCode} {response.ReasonPhrase}", null, null, (int)response.StatusCode);
    }
}
