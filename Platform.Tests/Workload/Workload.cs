using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Amazon.S3;
using Npgsql;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Platform.Tests.Graph;
using Platform.AWSSDK.S3;
using Platform.Tests.Identity;
using Platform.Tests.Infrastructure;
using Platform.Api.Contracts;
using StackExchange.Redis;

namespace Platform.Tests.Workload;

/// <summary>
/// A test's handles on the running graph: the api as a user calls it, and the stores behind it, to check what the
/// services did. Each test class gets the database fresh (<see cref="GraphFixture.UseFreshDatabaseAsync"/>); the
/// tests within a class share it.
/// </summary>
public sealed class Workload : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private Workload(DistributedApplication app, string accessToken, NpgsqlDataSource db, ConnectionMultiplexer redis, S3Connection storage)
    {
        App = app;
        Api = IdentityFlows.ApiAs(app, accessToken);
        ApiWithoutRedirects = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false }) { BaseAddress = Api.BaseAddress };
        ApiWithoutRedirects.DefaultRequestHeaders.Authorization = Api.DefaultRequestHeaders.Authorization;
        Db = db;
        Redis = redis;
        Storage = storage;
        S3 = storage.CreateClient();
    }

    public DistributedApplication App { get; }
    public HttpClient Api { get; }

    /// <summary>The api as <see cref="Api"/> calls it, showing its redirects (downloads) instead of following them.</summary>
    public HttpClient ApiWithoutRedirects { get; }
    public NpgsqlDataSource Db { get; }
    public ConnectionMultiplexer Redis { get; }
    public S3Connection Storage { get; }
    public IAmazonS3 S3 { get; }

    /// <summary>The api as the person <paramref name="accessToken"/> speaks for, and the stores behind it.</summary>
    public static async Task<Workload> ConnectAsync(DistributedApplication app, string accessToken) => new(
        app,
        accessToken,
        NpgsqlDataSource.Create((await app.GetConnectionStringAsync("platformdb"))!),
        await ConnectionMultiplexer.ConnectAsync((await app.GetConnectionStringAsync("cache"))!),
        S3Connection.Parse((await app.GetConnectionStringAsync("assets"))!));

    public static MultipartFormDataContent Form(byte[] content, string fileName, string contentType = "text/plain")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    /// <summary>Uploads a file as a client does, with a presigned upload (<see cref="CreateUploadAsync"/>, the bytes sent
    /// to the store, then <see cref="CompleteUploadAsync"/>), and returns the accepted asset.</summary>
    public async Task<JsonElement> UploadAsync(byte[] content, string fileName, string contentType = "text/plain", string? traceParent = null)
    {
        var ticket = await CreateUploadAsync(fileName, contentType, content.Length);
        using (var put = await PutToStoreAsync(ticket, content, contentType))
        {
            Assert.True(put.IsSuccessStatusCode, $"the store answered {(int)put.StatusCode} to the presigned PUT: {await put.Content.ReadAsStringAsync()}");
        }
        using var response = await CompleteUploadAsync(ticket.GetProperty("uploadId").GetGuid(), traceParent);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"the completion answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var asset = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"/api/assets/{asset.GetProperty("id").GetGuid()}", response.Headers.Location?.OriginalString);
        return asset;
    }

    /// <summary>The api's presigned request for a file (<c>POST /api/uploads</c>), which must be issued.</summary>
    public async Task<JsonElement> CreateUploadAsync(string fileName, string contentType, long size)
    {
        using var response = await Api.PostAsJsonAsync("/api/uploads", new { fileName, contentType, size });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/uploads answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Sends <paramref name="content"/> to the store with the ticket's method, URL and headers, as a browser
    /// would: straight to the store, without the api's token.</summary>
    public static async Task<HttpResponseMessage> PutToStoreAsync(JsonElement ticket, byte[] content, string? contentType = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(ticket.GetProperty("method").GetString()!), ticket.GetProperty("url").GetString())
        {
            Content = new ByteArrayContent(content),
        };
        foreach (var header in ticket.GetProperty("headers").EnumerateObject())
        {
            request.Content.Headers.TryAddWithoutValidation(header.Name, header.Value.GetString());
        }
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        return await Store.SendAsync(request);
    }

    public async Task<HttpResponseMessage> CompleteUploadAsync(Guid uploadId, string? traceParent = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/uploads/{uploadId}/complete");
        if (traceParent is not null)
        {
            request.Headers.Add("traceparent", traceParent);
        }
        return await Api.SendAsync(request);
    }

    /// <summary>The store as a browser reaches it: no token, no redirects followed.</summary>
    public static readonly HttpClient Store = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false }) { Timeout = TimeSpan.FromMinutes(2) };

    public async Task<JsonElement> GetAssetAsync(Guid id) => await Api.GetFromJsonAsync<JsonElement>($"/api/assets/{id}");

    public async Task<JsonElement> GetJobAsync(Guid id) => await Api.GetFromJsonAsync<JsonElement>($"/api/jobs/{id}");

    /// <summary>Polls the asset until its status is <paramref name="status"/>.</summary>
    public async Task<JsonElement> WaitForAssetAsync(Guid id, string status, TimeSpan? timeout = null)
    {
        JsonElement asset = default;
        await Eventually.TrueAsync(async () => (asset = await GetAssetAsync(id)).GetProperty("status").GetString() == status,
            timeout ?? Patience, $"asset {id} to be {status}");
        return asset;
    }

    public async Task<JsonElement> WaitForJobAsync(Guid id, string status, TimeSpan? timeout = null)
    {
        JsonElement job = default;
        await Eventually.TrueAsync(async () => (job = await GetJobAsync(id)).GetProperty("status").GetString() == status,
            timeout ?? Patience, $"job {id} to be {status}");
        return job;
    }

    /// <summary>Waits until no job is queued, running or waiting for a retry, so that totals stop moving.</summary>
    public Task WaitUntilQuietAsync() => Eventually.TrueAsync(
        async () => await ScalarAsync<long>("SELECT count(*) FROM jobs WHERE status = ANY($1)", (object)JobStatus.Unfinished.ToArray()) == 0,
        Patience, "every job to be finished");

    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = Db.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task<bool> ObjectExistsAsync(string key)
    {
        try
        {
            await S3.GetObjectMetadataAsync(Storage.BucketName, key);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async Task<byte[]> ReadObjectAsync(string key)
    {
        using var response = await S3.GetObjectAsync(Storage.BucketName, key);
        using var bytes = new MemoryStream();
        await response.ResponseStream.CopyToAsync(bytes);
        return bytes.ToArray();
    }

    public async Task<int> CountObjectsAsync(string prefix)
    {
        var listing = await S3.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = Storage.BucketName, Prefix = prefix });
        return listing.S3Objects?.Count ?? 0;
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        ApiWithoutRedirects.Dispose();
        S3.Dispose();
        await Redis.DisposeAsync();
        await Db.DisposeAsync();
    }
}
