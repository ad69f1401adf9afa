using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Platform.Tests.Graph;
using Platform.Tests.Infrastructure;
using Platform.Worker.Reconciliation;

namespace Platform.Tests.Workload;

/// <summary>
/// Objects and records agree: an object whose record never came is deleted by the worker's orphan sweep once its upload
/// is older than the grace period (and not before: it may still be in flight); a record whose object is gone is
/// reported by verify-asset, shown as <c>missing</c> and counted so by the analytics.
/// </summary>
[Collection("graph")]
public sealed class ReconciliationTests(GraphFixture fixture) : WorkloadTestClass(fixture)
{
    private static readonly TimeSpan Grace = TimeSpan.FromHours(1);

    [Fact]
    public async Task The_orphan_sweep_deletes_objects_without_a_record_once_their_upload_is_past_the_grace_period()
    {
        var longAgo = DateTimeOffset.UtcNow - Grace - TimeSpan.FromMinutes(5);
        // What an api that died between storing and recording leaves behind, an hour ago; its id tells when.
        var orphan = Guid.CreateVersion7(longAgo);
        // An upload in flight: stored, not yet recorded.
        var inFlight = Guid.CreateVersion7();
        // As old, but recorded.
        var recorded = Guid.CreateVersion7(longAgo);
        await Workload.ScalarAsync<Guid>(
            "INSERT INTO assets (id, owner_id, file_name, declared_content_type, size_bytes, object_key) VALUES ($1, 'someone', 'old.txt', 'text/plain', 4, $2) RETURNING id",
            recorded, $"assets/{recorded}/content");
        foreach (var key in new[] { $"assets/{orphan}/content", $"assets/{orphan}/report.json", $"assets/{inFlight}/content", $"assets/{recorded}/content", "assets/not-an-asset/content" })
        {
            await Workload.S3.PutObjectAsync(new PutObjectRequest { BucketName = Workload.Storage.BucketName, Key = key, ContentBody = "data" });
        }

        var deleted = await Sweeper().SweepAsync(CancellationToken.None);

        Assert.False(await Workload.ObjectExistsAsync($"assets/{orphan}/content"));
        Assert.False(await Workload.ObjectExistsAsync($"assets/{orphan}/report.json"));
        Assert.True(await Workload.ObjectExistsAsync($"assets/{inFlight}/content"), "an upload still in flight lost its object");
        Assert.True(await Workload.ObjectExistsAsync($"assets/{recorded}/content"), "a recorded asset lost its object");
        Assert.True(await Workload.ObjectExistsAsync("assets/not-an-asset/content"), "a key the sweep cannot date was deleted");
        Assert.True(deleted >= 2, $"the sweep reported {deleted} deletions");
    }

    [Fact]
    public async Task A_record_whose_object_is_gone_is_reported_missing_by_verify_asset_and_counted_by_the_analytics()
    {
        var content = "here today\n"u8.ToArray();
        var id = (await Workload.UploadAsync(content, "vanishing.txt")).GetProperty("id").GetGuid();
        await Workload.WaitForAssetAsync(id, "done");
        await Workload.S3.DeleteObjectAsync(Workload.Storage.BucketName, $"assets/{id}/content");

        var verify = await VerifyAsync(id);

        Assert.Equal(1, verify.GetProperty("attempts").GetInt32());
        var result = verify.GetProperty("result");
        Assert.True(result.GetProperty("missing").GetBoolean());
        Assert.False(result.GetProperty("matches").GetBoolean());
        var asset = await Workload.WaitForAssetAsync(id, "missing");
        Assert.Contains("missing", asset.GetProperty("error").GetString());
        using (var download = await Workload.Api.GetAsync($"/api/assets/{id}/content"))
        {
            Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        }
        await Eventually.TrueAsync(async () =>
        {
            var summary = await Workload.Api.GetFromJsonAsync<JsonElement>("/api/analytics/summary");
            return summary.GetProperty("assetsByStatus").TryGetProperty("missing", out var missing) && missing.GetInt64() == 1;
        }, Workload.Patience, "the analytics to count one missing asset");

        // The bytes come back (restored from a bucket version): the next verification finds them and the asset is done again.
        await Workload.S3.PutObjectAsync(new PutObjectRequest { BucketName = Workload.Storage.BucketName, Key = $"assets/{id}/content", InputStream = new MemoryStream(content) });
        var again = await VerifyAsync(id);
        Assert.True(again.GetProperty("result").GetProperty("matches").GetBoolean());
        var restored = await Workload.WaitForAssetAsync(id, "done");
        Assert.Equal(JsonValueKind.Null, restored.GetProperty("error").ValueKind);
    }

    private async Task<JsonElement> VerifyAsync(Guid assetId)
    {
        using var response = await Workload.Api.PostAsJsonAsync("/api/jobs", new { type = "verify-asset", assetId });
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"verify-asset answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var jobId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return await Workload.WaitForJobAsync(jobId, "done");
    }

    /// <summary>The worker's sweep, run once here rather than waiting for its schedule, with the shipped grace period.</summary>
    private OrphanSweeper Sweeper() => new(Workload.S3, Workload.Storage, Workload.Db, Workload.Redis, TimeProvider.System,
        Options.Create(new ReconciliationOptions { OrphanSweepSeconds = 300, OrphanAfterSeconds = (int)Grace.TotalSeconds }),
        NullLogger<OrphanSweeper>.Instance);
}
