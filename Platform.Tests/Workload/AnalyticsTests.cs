using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Tests.Graph;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Workload;

/// <summary>The analytics summary on a database of this class's own: its figures are exactly what the uploads add up to.</summary>
[Collection("graph")]
public sealed class AnalyticsTests(GraphFixture fixture) : WorkloadTestClass(fixture)
{
    [Fact]
    public async Task Processed_uploads_are_counted_exactly_by_the_summary_read_from_the_replica()
    {
        byte[][] texts = ["one two\n"u8.ToArray(), "three four five\n"u8.ToArray()];
        var csv = Encoding.UTF8.GetBytes("a,b\n1,2\n");
        var uploads = new List<Guid>();
        foreach (var (content, name, type) in new[] { (texts[0], "a.txt", "text/plain"), (texts[1], "b.txt", "text/plain"), (csv, "c.csv", "text/csv") })
        {
            uploads.Add((await Workload.UploadAsync(content, name, type)).GetProperty("id").GetGuid());
        }
        foreach (var id in uploads)
        {
            await Workload.WaitForAssetAsync(id, "done");
            Assert.True(await Workload.ObjectExistsAsync($"assets/{id}/report.json"), $"asset {id} has no report");
        }

        // From the replica, cached briefly: it catches up within seconds.
        JsonElement summary = default;
        await Eventually.TrueAsync(async () =>
        {
            summary = await Workload.Api.GetFromJsonAsync<JsonElement>("/api/analytics/summary");
            return summary.GetProperty("assetCount").GetInt64() == 3 && summary.GetProperty("assetsByStatus").TryGetProperty("done", out var done) && done.GetInt64() == 3;
        }, Workload.Patience, "the analytics summary to count the three processed uploads");

        Assert.Equal("replica", summary.GetProperty("servedBy").GetProperty("node").GetString());
        Assert.Equal("""{"done":3}""", summary.GetProperty("assetsByStatus").GetRawText());
        Assert.Equal(texts[0].Length + texts[1].Length + csv.Length, summary.GetProperty("bytesStored").GetInt64());
        Assert.Equal(
            [("text/plain", 2L, (long)(texts[0].Length + texts[1].Length)), ("text/csv", 1L, (long)csv.Length)],
            summary.GetProperty("assetsByContentType").EnumerateArray().Select(t =>
                (t.GetProperty("contentType").GetString(), t.GetProperty("count").GetInt64(), t.GetProperty("bytes").GetInt64())));
        var job = Assert.Single(summary.GetProperty("jobs").EnumerateArray());
        Assert.Equal(("process-asset", "done", 3L), (job.GetProperty("type").GetString(), job.GetProperty("status").GetString(), job.GetProperty("count").GetInt64()));
        var processing = summary.GetProperty("processingMs");
        Assert.True(processing.GetProperty("p50").GetDouble() > 0);
        Assert.True(summary.GetProperty("uploadToDoneMs").GetProperty("p99").GetDouble() >= processing.GetProperty("p50").GetDouble());
    }
}
