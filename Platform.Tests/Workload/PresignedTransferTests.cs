using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Amazon;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Platform.AWSSDK.S3;
using Platform.Tests.Graph;
using Platform.Tests.Identity;
using Platform.Tests.Infrastructure;
using Platform.Worker.Reconciliation;

namespace Platform.Tests.Workload;

/// <summary>
/// Bytes move between the client and the store, not through the api: a presigned PUT bound to the declared size and
/// type (the emulator verifies the signature as S3 does, so a URL for 1 KB refuses 2 KB, and an expired one is refused),
/// a completion that queues the asset, a worker that verifies the object before anything trusts it, and a download that
/// is a redirect to a presigned GET, issued only after the ownership check.
/// </summary>
[Collection("graph")]
public sealed class PresignedTransferTests(GraphFixture fixture) : WorkloadTestClass(fixture)
{
    [Fact]
    public async Task A_presigned_upload_of_5_MB_round_trips_byte_exact_through_the_store()
    {
        var content = RandomNumberGenerator.GetBytes(5 * 1024 * 1024);

        var id = (await Workload.UploadAsync(content, "five.bin", "application/octet-stream")).GetProperty("id").GetGuid();
        var asset = await Workload.WaitForAssetAsync(id, "done");

        Assert.Equal(content.Length, asset.GetProperty("sizeBytes").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), asset.GetProperty("sha256").GetString());
        using var redirect = await Workload.ApiWithoutRedirects.GetAsync($"/api/assets/{id}/content");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("no-store", redirect.Headers.CacheControl?.ToString());
        using var download = await Workload.Store.GetAsync(redirect.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/octet-stream", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_URL_for_1_KB_refuses_2_KB_and_another_type_and_stores_nothing()
    {
        var ticket = await Workload.CreateUploadAsync("small.txt", "text/plain", 1024);
        var key = $"assets/{ticket.GetProperty("uploadId").GetGuid()}/content";
        Assert.True(ticket.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);

        using (var tooLarge = await Workload.PutToStoreAsync(ticket, new byte[2048]))
        {
            Assert.Equal(HttpStatusCode.Forbidden, tooLarge.StatusCode);
            Assert.Contains("SignatureDoesNotMatch", await tooLarge.Content.ReadAsStringAsync());
        }
        using (var otherType = await Workload.PutToStoreAsync(ticket, new byte[1024], "image/png"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, otherType.StatusCode);
        }
        using (var unsigned = await Workload.Store.PutAsync(ticket.GetProperty("url").GetString()!.Split('?')[0], new ByteArrayContent(new byte[2048])))
        {
            Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        }
        Assert.False(await Workload.ObjectExistsAsync(key));
        // Completing an upload whose bytes never arrived is refused, and the upload may still be completed later.
        using (var early = await Workload.CompleteUploadAsync(ticket.GetProperty("uploadId").GetGuid()))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        }

        using var exact = await Workload.PutToStoreAsync(ticket, new byte[1024]);
        Assert.Equal(HttpStatusCode.OK, exact.StatusCode);
        Assert.True(await Workload.ObjectExistsAsync(key));
    }

    [Fact]
    public async Task An_expired_upload_URL_is_refused()
    {
        // Signed as the api signs (PresignedRequests), by a clock ten minutes behind: valid for five minutes, it expired
        // five minutes ago. The SDK's clock correction moves the signing time, which a URL cannot otherwise be given.
        var id = Guid.CreateVersion7();
        var behind = TimeSpan.FromMinutes(-10);
        string url;
        AWSConfigs.ManualClockCorrection = behind;
        try
        {
            url = await Workload.S3.UploadUrlAsync(Workload.Storage.BucketName!, $"assets/{id}/content", "text/plain", 4, DateTimeOffset.UtcNow + behind + TimeSpan.FromMinutes(5));
        }
        finally
        {
            AWSConfigs.ManualClockCorrection = null;
        }
        var ticket = JsonSerializer.SerializeToElement(new { url, method = "PUT", headers = new Dictionary<string, string> { ["Content-Type"] = "text/plain" } });

        using var expired = await Workload.PutToStoreAsync(ticket, "late"u8.ToArray());

        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Contains("Request has expired", await expired.Content.ReadAsStringAsync());
        Assert.False(await Workload.ObjectExistsAsync($"assets/{id}/content"));
    }

    [Fact]
    public async Task Another_persons_asset_and_upload_are_not_found_and_no_URL_is_issued_for_them()
    {
        var id = (await Workload.UploadAsync("mine\n"u8.ToArray(), "mine.txt")).GetProperty("id").GetGuid();
        var pending = await Workload.CreateUploadAsync("pending.txt", "text/plain", 4);
        using var other = IdentityFlows.ApiAs(Fixture.App, await IdentityFlows.UserAccessTokenAsync(Fixture.App, await IdentityFlows.RegisterAsync(Fixture.App)));

        using var content = await other.GetAsync($"/api/assets/{id}/content");
        Assert.Equal(HttpStatusCode.NotFound, content.StatusCode);
        Assert.Null(content.Headers.Location);
        Assert.Equal("application/problem+json", content.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("X-Amz-Signature", await content.Content.ReadAsStringAsync());
        using var complete = await other.PostAsync($"/api/uploads/{pending.GetProperty("uploadId").GetGuid()}/complete", null);
        Assert.Equal(HttpStatusCode.NotFound, complete.StatusCode);
        using var readOnly = IdentityFlows.ApiAs(Fixture.App, await IdentityFlows.ClientAccessTokenAsync(Fixture.App, "assets.read"));
        using var forbidden = await readOnly.PostAsJsonAsync("/api/uploads", new { fileName = "x.txt", contentType = "text/plain", size = 1 });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task An_uploaded_but_never_completed_object_is_swept_once_its_upload_is_past_the_grace_period()
    {
        var ticket = await Workload.CreateUploadAsync("abandoned.txt", "text/plain", 9);
        var uploadId = ticket.GetProperty("uploadId").GetGuid();
        using (var put = await Workload.PutToStoreAsync(ticket, "abandoned"u8.ToArray()))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }
        var grace = TimeSpan.FromHours(1);
        var clock = new TestClock();
        clock.SetUtcNow(DateTimeOffset.UtcNow);
        var sweeper = new OrphanSweeper(Workload.S3, Workload.Storage, Workload.Db, Workload.Redis, clock,
            Options.Create(new ReconciliationOptions { OrphanSweepSeconds = 300, OrphanAfterSeconds = (int)grace.TotalSeconds }),
            NullLogger<OrphanSweeper>.Instance);

        // Within the grace period it may still be completed: kept.
        await sweeper.SweepAsync(CancellationToken.None);
        Assert.True(await Workload.ObjectExistsAsync($"assets/{uploadId}/content"), "an upload that may still be completed lost its object");

        clock.Advance(grace + TimeSpan.FromMinutes(1));
        await sweeper.SweepAsync(CancellationToken.None);
        Assert.False(await Workload.ObjectExistsAsync($"assets/{uploadId}/content"), "an upload never completed kept its object");
    }

    [Theory]
    [InlineData(50, "text/plain", "The stored object is 50 bytes, not the 100 bytes declared.")]
    [InlineData(100, "image/png", "The stored object is of type 'image/png', not the 'text/plain' declared.")]
    public async Task A_completion_whose_object_is_not_the_declared_size_or_type_marks_the_asset_failed_with_the_reason(int size, string type, string reason)
    {
        var ticket = await Workload.CreateUploadAsync("declared.txt", "text/plain", 100);
        var uploadId = ticket.GetProperty("uploadId").GetGuid();
        // What a store that does not check the signature's bounds would keep: written here past the presigned URL.
        await Workload.S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = Workload.Storage.BucketName,
            Key = $"assets/{uploadId}/content",
            ContentType = type,
            InputStream = new MemoryStream(new byte[size]),
        });

        using var complete = await Workload.CompleteUploadAsync(uploadId);
        Assert.Equal(HttpStatusCode.Accepted, complete.StatusCode);

        var asset = await Workload.WaitForAssetAsync(uploadId, "failed");
        Assert.Equal(reason, asset.GetProperty("error").GetString());
        Assert.Equal(JsonValueKind.Null, asset.GetProperty("sha256").ValueKind);
        Assert.False(asset.GetProperty("hasReport").GetBoolean());
        // Failed for good at once: a retry cannot change the bytes.
        Assert.Equal(1, asset.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task An_upload_is_refused_before_any_URL_when_its_declaration_is_bad()
    {
        foreach (var (body, status) in new (object, HttpStatusCode)[]
        {
            (new { fileName = "big.bin", contentType = "application/octet-stream", size = 50L * 1024 * 1024 + 1 }, HttpStatusCode.RequestEntityTooLarge),
            (new { fileName = "empty.txt", contentType = "text/plain", size = 0 }, HttpStatusCode.BadRequest),
            (new { fileName = "../etc/passwd", contentType = "text/plain", size = 1 }, HttpStatusCode.BadRequest),
            (new { fileName = "x.txt", contentType = "not a type", size = 1 }, HttpStatusCode.BadRequest),
        })
        {
            using var response = await Workload.Api.PostAsJsonAsync("/api/uploads", body);
            Assert.True(response.StatusCode == status, $"{JsonSerializer.Serialize(body)}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }
}
