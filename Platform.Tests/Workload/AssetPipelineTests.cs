using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Platform.Jobs;
using Platform.Tests.Graph;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Workload;

/// <summary>An upload's whole path: api → S3 and PostgreSQL → Redis stream → worker → report in S3, and what the api does with the result.</summary>
[Collection("graph")]
public sealed class AssetPipelineTests(GraphFixture fixture) : WorkloadTestClass(fixture)
{
    [Fact]
    public async Task An_upload_is_processed_and_its_report_lands_in_S3_next_to_it()
    {
        var text = "the quick brown fox\njumps over\nthe lazy dog\n"u8.ToArray();

        var accepted = await Workload.UploadAsync(text, "fox.txt");
        var id = accepted.GetProperty("id").GetGuid();
        Assert.Equal("queued", accepted.GetProperty("status").GetString());

        var asset = await Workload.WaitForAssetAsync(id, "done");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(text)), asset.GetProperty("sha256").GetString());
        Assert.Equal("text/plain", asset.GetProperty("contentType").GetString());
        Assert.Equal(text.Length, asset.GetProperty("sizeBytes").GetInt64());
        Assert.Equal(1, asset.GetProperty("attempts").GetInt32());
        Assert.True(asset.GetProperty("processedAt").GetDateTime() >= asset.GetProperty("processingStartedAt").GetDateTime());

        var report = JsonDocument.Parse(await Workload.ReadObjectAsync($"assets/{id}/report.json")).RootElement;
        var analysis = report.GetProperty("analysis");
        Assert.Equal("text", analysis.GetProperty("kind").GetString());
        Assert.Equal(3, analysis.GetProperty("lines").GetInt64());
        Assert.Equal(9, analysis.GetProperty("words").GetInt64());
        Assert.Equal(report.GetRawText(), (await Workload.Api.GetFromJsonAsync<JsonElement>($"/api/assets/{id}/report")).GetRawText());
    }

    [Fact]
    public async Task The_job_continues_the_trace_of_the_upload_request()
    {
        var traceId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var accepted = await Workload.UploadAsync("traced\n"u8.ToArray(), "traced.txt", traceParent: $"00-{traceId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}-01");

        var asset = await Workload.WaitForAssetAsync(accepted.GetProperty("id").GetGuid(), "done");

        var job = await Workload.GetJobAsync(asset.GetProperty("latestJobId").GetGuid());
        Assert.All(job.GetProperty("events").EnumerateArray(), e => Assert.Equal(traceId, e.GetProperty("traceId").GetString()));
    }

    [Fact]
    public async Task A_csv_report_counts_rows_and_columns_with_quoted_fields()
    {
        var csv = Encoding.UTF8.GetBytes("name,city,note\nann,Oslo,\"likes, commas\"\nbob,Rome,\"two\nlines\"\ncy,Lima,plain\n");
        var accepted = await Workload.UploadAsync(csv, "people.csv", "text/csv");

        var asset = await Workload.WaitForAssetAsync(accepted.GetProperty("id").GetGuid(), "done");

        Assert.Equal("text/csv", asset.GetProperty("contentType").GetString());
        var analysis = (await Workload.Api.GetFromJsonAsync<JsonElement>($"/api/assets/{asset.GetProperty("id").GetGuid()}/report")).GetProperty("analysis");
        Assert.Equal(3, analysis.GetProperty("rows").GetInt64());
        Assert.Equal(3, analysis.GetProperty("columns").GetInt32());
        Assert.Equal(0, analysis.GetProperty("irregularRows").GetInt64());
    }

    [Fact]
    public async Task A_binary_file_gets_its_sniffed_type_and_basic_facts()
    {
        // A 1x1 PNG, declared as something else: the report trusts the bytes, not the claim.
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        var accepted = await Workload.UploadAsync(png, "pixel.dat", "application/octet-stream");

        var asset = await Workload.WaitForAssetAsync(accepted.GetProperty("id").GetGuid(), "done");

        Assert.Equal("image/png", asset.GetProperty("contentType").GetString());
        var analysis = (await Workload.Api.GetFromJsonAsync<JsonElement>($"/api/assets/{asset.GetProperty("id").GetGuid()}/report")).GetProperty("analysis");
        Assert.Equal("image", analysis.GetProperty("kind").GetString());
        Assert.Equal(1, analysis.GetProperty("width").GetInt32());
        Assert.Equal(1, analysis.GetProperty("height").GetInt32());
    }

    [Fact]
    public async Task A_12_MB_upload_is_streamed_in_parts_and_downloads_byte_exact()
    {
        var content = RandomNumberGenerator.GetBytes(12 * 1024 * 1024 + 123);
        var accepted = await Workload.UploadAsync(content, "big.bin", "application/octet-stream");
        var id = accepted.GetProperty("id").GetGuid();

        var downloaded = await Workload.Api.GetByteArrayAsync($"/api/assets/{id}/content");

        Assert.Equal(content.Length, downloaded.Length);
        Assert.Equal(SHA256.HashData(content), SHA256.HashData(downloaded));
        var asset = await Workload.WaitForAssetAsync(id, "done");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), asset.GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task A_change_announced_by_another_process_reaches_the_api_at_once()
    {
        var id = (await Workload.UploadAsync("changed elsewhere\n"u8.ToArray(), "elsewhere.txt")).GetProperty("id").GetGuid();
        var done = await Workload.WaitForAssetAsync(id, "done");
        // The worker's own announcement of the change (sent with its acknowledgement) is out of the way.
        await Eventually.TrueAsync(async () => await Workload.Redis.GetDatabase().StreamLengthAsync("jobs") == 0, Workload.Patience, "the job's entry to be acknowledged");
        await Workload.GetAssetAsync(id);

        // Changed behind the api's back: the cached copy is still what a read gets.
        await Workload.ScalarAsync<int>("UPDATE assets SET attempts = attempts + 10 WHERE id = $1 RETURNING attempts", id);
        Assert.Equal(done.GetProperty("attempts").GetInt32(), (await Workload.GetAssetAsync(id)).GetProperty("attempts").GetInt32());

        // Announced as the worker announces its changes: seen well before the copy in memory would expire (5 s).
        await CachedAssets.InvalidateAsync(Workload.Redis.GetDatabase(), [id]);
        await Eventually.TrueAsync(async () => (await Workload.GetAssetAsync(id)).GetProperty("attempts").GetInt32() == done.GetProperty("attempts").GetInt32() + 10,
            TimeSpan.FromSeconds(1), "the api to drop its cached copies");
    }

    [Fact]
    public async Task A_finished_asset_is_cached_in_Redis_and_a_new_job_invalidates_it()
    {
        var accepted = await Workload.UploadAsync("cache me\n"u8.ToArray(), "cached.txt");
        var id = accepted.GetProperty("id").GetGuid();
        var done = await Workload.WaitForAssetAsync(id, "done");
        var cache = Workload.Redis.GetDatabase();

        await Workload.GetAssetAsync(id);
        Assert.True(await cache.KeyExistsAsync($"asset:{id}"), "a finished asset is cached after a read");

        using var reprocess = await Workload.Api.PostAsJsonAsync("/api/jobs", new { type = "process-asset", assetId = id });
        Assert.Equal(HttpStatusCode.Accepted, reprocess.StatusCode);
        var jobId = (await reprocess.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal($"/api/jobs/{jobId}", reprocess.Headers.Location?.OriginalString);

        // The next read sees the new job at once, not the cached asset.
        Assert.Equal(jobId, (await Workload.GetAssetAsync(id)).GetProperty("latestJobId").GetGuid());
        await Workload.WaitForJobAsync(jobId, "done");
        var again = await Workload.WaitForAssetAsync(id, "done");
        Assert.True(again.GetProperty("processedAt").GetDateTime() > done.GetProperty("processedAt").GetDateTime());
    }

    [Fact]
    public async Task A_verify_job_reports_whether_the_stored_bytes_still_match()
    {
        var accepted = await Workload.UploadAsync("keep me intact\n"u8.ToArray(), "intact.txt");
        var id = accepted.GetProperty("id").GetGuid();
        await Workload.WaitForAssetAsync(id, "done");

        Assert.True((await VerifyAsync(id)).GetProperty("matches").GetBoolean());

        // The bytes change behind the api's back: verification notices.
        await Workload.S3.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest { BucketName = Workload.Storage.BucketName, Key = $"assets/{id}/content", ContentBody = "tampered\n" });
        Assert.False((await VerifyAsync(id)).GetProperty("matches").GetBoolean());
    }

    [Fact]
    public async Task Deleting_an_asset_removes_its_record_jobs_content_and_report()
    {
        var accepted = await Workload.UploadAsync("short-lived\n"u8.ToArray(), "temp.txt");
        var id = accepted.GetProperty("id").GetGuid();
        var asset = await Workload.WaitForAssetAsync(id, "done");
        await Workload.GetAssetAsync(id);

        using var deleted = await Workload.Api.DeleteAsync($"/api/assets/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Workload.Api.GetAsync($"/api/assets/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Workload.Api.GetAsync($"/api/jobs/{asset.GetProperty("latestJobId").GetGuid()}")).StatusCode);
        Assert.Equal(0, await Workload.CountObjectsAsync($"assets/{id}/"));
        Assert.Equal(0L, await Workload.ScalarAsync<long>("SELECT count(*) FROM jobs WHERE asset_id = $1", id));
        Assert.Equal(HttpStatusCode.NotFound, (await Workload.Api.DeleteAsync($"/api/assets/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_asset_list_pages_newest_first()
    {
        var first = (await Workload.UploadAsync("one\n"u8.ToArray(), "one.txt")).GetProperty("id").GetGuid();
        var second = (await Workload.UploadAsync("two\n"u8.ToArray(), "two.txt")).GetProperty("id").GetGuid();

        var page = await Workload.Api.GetFromJsonAsync<JsonElement>("/api/assets?pageIndex=0&pageSize=2");

        Assert.Equal(2, page.GetProperty("pageSize").GetInt32());
        Assert.Equal(await Workload.ScalarAsync<long>("SELECT count(*) FROM assets"), page.GetProperty("count").GetInt64());
        Assert.Equal([second, first], page.GetProperty("data").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()));
        var next = await Workload.Api.GetFromJsonAsync<JsonElement>("/api/assets?pageIndex=1&pageSize=1");
        Assert.Equal(first, next.GetProperty("data")[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task The_bucket_lists_page_by_page_and_the_api_stays_healthy_as_it_fills()
    {
        await Workload.UploadAsync("page one\n"u8.ToArray(), "page-1.txt");
        await Workload.UploadAsync("page two\n"u8.ToArray(), "page-2.txt");

        // The api's S3 health check lists one key: with more in the bucket, the answer is a truncated page.
        var first = await Workload.S3.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = Workload.Storage.BucketName, MaxKeys = 1 });
        Assert.True(first.IsTruncated);
        var second = await Workload.S3.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request
        {
            BucketName = Workload.Storage.BucketName,
            MaxKeys = 1,
            ContinuationToken = first.NextContinuationToken,
        });
        Assert.NotEqual(first.S3Objects[0].Key, second.S3Objects[0].Key);
        var health = await Workload.Api.GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal("Healthy", health.GetProperty("entries").GetProperty("S3_assets").GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_OpenAPI_document_and_its_browsable_UI_are_served()
    {
        var document = await Workload.Api.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/assets", "/api/assets/{id}", "/api/assets/{id}/content", "/api/uploads", "/api/uploads/{uploadId}/complete", "/api/jobs", "/api/jobs/{id}", "/api/analytics/summary" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"the OpenAPI document has no {path}");
        }
        using var ui = await Workload.Api.GetAsync("/scalar/v1");
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
        Assert.Equal("text/html", ui.Content.Headers.ContentType?.MediaType);
        Assert.Contains("scalar", await ui.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    private async Task<JsonElement> VerifyAsync(Guid assetId)
    {
        using var response = await Workload.Api.PostAsJsonAsync("/api/jobs", new { type = "verify-asset", assetId });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await Workload.WaitForJobAsync((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), "done");
        return job.GetProperty("result");
    }
}
