using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace LoadDriver;

/// <summary>
/// Uploads and downloads as a browser does them now: an upload is the api's presigned request (<c>POST /api/uploads</c>),
/// the bytes sent to the store with it, and the completion; a download is the api's redirect, followed to the store. The
/// store gets no token. The status is the first failing step's, or the last step's.
/// </summary>
internal sealed class PresignedTransfers(HttpClient client, Endpoints endpoints)
{
    /// <summary>Returns the status and, when accepted, the asset's id.</summary>
    public async Task<(int Status, Guid? AssetId)> UploadAsync(string accessToken, UploadFiles.File file, CancellationToken cancellationToken)
    {
        using var create = Authorized(HttpMethod.Post, "/api/uploads", accessToken);
        create.Content = JsonContent.Create(new { fileName = file.Name, contentType = file.ContentType, size = file.Content.Count });
        using var created = await client.SendAsync(create, cancellationToken);
        if (created.StatusCode != HttpStatusCode.Created)
        {
            await created.Content.CopyToAsync(Stream.Null, cancellationToken);
            return ((int)created.StatusCode, null);
        }
        var ticket = await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);

        using var put = new HttpRequestMessage(HttpMethod.Put, ticket.GetProperty("url").GetString())
        {
            Content = new ByteArrayContent(file.Content.Array!, file.Content.Offset, file.Content.Count),
        };
        put.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType);
        using var stored = await client.SendAsync(put, cancellationToken);
        await stored.Content.CopyToAsync(Stream.Null, cancellationToken);
        if (!stored.IsSuccessStatusCode)
        {
            return ((int)stored.StatusCode, null);
        }

        using var complete = Authorized(HttpMethod.Post, $"/api/uploads/{ticket.GetProperty("uploadId").GetGuid()}/complete", accessToken);
        using var completed = await client.SendAsync(complete, cancellationToken);
        if (!completed.IsSuccessStatusCode)
        {
            await completed.Content.CopyToAsync(Stream.Null, cancellationToken);
            return ((int)completed.StatusCode, null);
        }
        return ((int)completed.StatusCode, (await completed.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid());
    }

    /// <summary>The api's redirect, then the bytes from the store, read to the end.</summary>
    public async Task<int> DownloadAsync(string accessToken, Guid assetId, CancellationToken cancellationToken)
    {
        using var request = Authorized(HttpMethod.Get, $"/api/assets/{assetId}/content", accessToken);
        using var redirect = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await redirect.Content.CopyToAsync(Stream.Null, cancellationToken);
        if (redirect.StatusCode != HttpStatusCode.Redirect || redirect.Headers.Location is not { } location)
        {
            return (int)redirect.StatusCode;
        }
        using var content = await client.GetAsync(location, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await content.Content.CopyToAsync(Stream.Null, cancellationToken);
        return (int)content.StatusCode;
    }

    private HttpRequestMessage Authorized(HttpMethod method, string path, string accessToken)
    {
        var request = new HttpRequestMessage(method, new Uri(endpoints.Api, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return request;
    }
}
