using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Tests.Graph;
using Platform.Tests.Identity;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Workload;

/// <summary>Every kind of bad input gets its 4xx as a ProblemDetails, never a 500, and leaves nothing behind.</summary>
[Collection("graph")]
public sealed class BadInputTests(GraphFixture fixture) : WorkloadTestClass(fixture)
{
    public static TheoryData<string, string, int> BadReads => new()
    {
        { "/api/assets/not-a-guid", "a malformed asset id", 400 },
        { $"/api/assets/{Guid.NewGuid()}", "an unknown asset", 404 },
        { $"/api/assets/{Guid.NewGuid()}/content", "the content of an unknown asset", 404 },
        { $"/api/assets/{Guid.NewGuid()}/report", "the report of an unknown asset", 404 },
        { "/api/assets?pageSize=0", "an empty page", 400 },
        { "/api/assets?pageSize=101", "a page over the maximum", 400 },
        { "/api/assets?pageIndex=-1", "a negative page", 400 },
        { "/api/assets?pageIndex=abc", "a page that is not a number", 400 },
        { "/api/jobs/12345", "a malformed job id", 400 },
        { $"/api/jobs/{Guid.NewGuid()}", "an unknown job", 404 },
        { "/api/no-such-thing", "an unknown route", 404 },
    };

    [Theory]
    [MemberData(nameof(BadReads))]
    public async Task A_bad_read_gets_a_problem(string path, string what, int status)
    {
        using var response = await Workload.Api.GetAsync(path);

        await AssertProblemAsync(response, status, what);
    }

    public static TheoryData<string, string, string, int> BadJobs => new()
    {
        { "{\"type\": \"process-asset\", ", "application/json", "malformed JSON", 400 },
        { "", "application/json", "an empty body", 400 },
        { "{\"type\": \"resize-image\", \"assetId\": \"" + Guid.NewGuid() + "\"}", "application/json", "an unknown job type", 400 },
        { "{\"assetId\": \"" + Guid.NewGuid() + "\"}", "application/json", "a missing job type", 400 },
        { "{\"type\": \"process-asset\"}", "application/json", "a missing asset id", 400 },
        { "{\"type\": \"process-asset\", \"assetId\": \"nope\"}", "application/json", "an asset id that is not a GUID", 400 },
        { "{\"type\": \"process-asset\", \"assetId\": \"" + Guid.NewGuid() + "\"}", "application/json", "an unknown asset", 404 },
        { "type=process-asset", "text/plain", "a body that is not JSON", 415 },
    };

    [Theory]
    [MemberData(nameof(BadJobs))]
    public async Task A_bad_job_request_gets_a_problem_and_queues_nothing(string body, string contentType, string what, int status)
    {
        var jobsBefore = await Workload.ScalarAsync<long>("SELECT count(*) FROM jobs");
        var queuedBefore = await Workload.Redis.GetDatabase().StreamLengthAsync("jobs");

        using var response = await Workload.Api.PostAsync("/api/jobs", new StringContent(body, Encoding.UTF8, contentType));

        await AssertProblemAsync(response, status, what);
        Assert.Equal(jobsBefore, await Workload.ScalarAsync<long>("SELECT count(*) FROM jobs"));
        Assert.True(await Workload.Redis.GetDatabase().StreamLengthAsync("jobs") <= queuedBefore, $"{what} queued a job");
    }

    public static TheoryData<string, string> BadFileNames => new()
    {
        { "../../etc/passwd", "a relative path" },
        { "/etc/passwd", "an absolute path" },
        { "..\\windows\\win.ini", "a Windows path" },
        { "..", "a parent directory" },
        { "bell\u0007.txt", "a control character" },
        { new string('a', 252) + ".txt", "a name over 255 characters" },
    };

    [Theory]
    [MemberData(nameof(BadFileNames))]
    public async Task An_upload_with_a_bad_file_name_is_refused_and_writes_nothing(string fileName, string what)
    {
        await AssertUploadRefusedAsync(Workload.Form("content\n"u8.ToArray(), fileName), 400, what);
    }

    [Fact]
    public async Task An_empty_file_is_refused_and_writes_nothing() =>
        await AssertUploadRefusedAsync(Workload.Form([], "empty.txt"), 400, "an empty file");

    [Fact]
    public async Task An_upload_without_a_file_part_is_refused() =>
        await AssertUploadRefusedAsync(new MultipartFormDataContent { { new StringContent("hello"), "note" } }, 400, "no file part");

    [Fact]
    public async Task An_upload_that_is_not_multipart_is_refused() =>
        await AssertUploadRefusedAsync(JsonContent.Create(new { file = "hello" }), 415, "a JSON body");

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_with_413_before_it_is_sent()
    {
        // 50 MB is the configured default; the declared length alone settles it. With "Expect: 100-continue" (as
        // curl sends for large bodies) the client waits for the verdict before sending a byte.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/assets")
        {
            Content = Workload.Form(new byte[50 * 1024 * 1024 + 1], "huge.bin", "application/octet-stream"),
        };
        request.Headers.ExpectContinue = true;
        await AssertRefusedAsync(async () => await Workload.Api.SendAsync(request), 413, "a file over the limit");
    }

    [Fact]
    public async Task A_file_over_the_size_limit_sent_without_a_length_is_cut_off_while_streaming_and_writes_nothing()
    {
        var form = Workload.Form(new byte[51 * 1024 * 1024], "huge-chunked.bin", "application/octet-stream");
        // No length: the api finds out only as the bytes arrive, after parts of the file went to S3.
        var chunked = new StreamContent(new UnknownLengthStream(await form.ReadAsStreamAsync()));
        chunked.Headers.ContentType = form.Headers.ContentType;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/assets") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;

        await AssertRefusedAsync(async () =>
        {
            try
            {
                return await Workload.Api.SendAsync(request);
            }
            catch (HttpRequestException)
            {
                // The api answers 413 and closes the connection while the client is still sending: a client that
                // reads while it writes (a browser, curl) shows the 413; HttpClient may report the closed connection.
                return null;
            }
        }, 413, "a chunked file over the limit");
    }

    [Fact]
    public async Task Too_many_changes_from_one_client_are_limited_with_429_and_Retry_After()
    {
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 1000 && limited is null; i++)
        {
            var response = await Workload.Api.PostAsJsonAsync("/api/jobs", new { type = "no-such-type" });
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
            else
            {
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                response.Dispose();
            }
        }

        Assert.NotNull(limited);
        await AssertProblemAsync(limited, 429, "too many requests");
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single());
        Assert.InRange(retryAfter, 1, 60);
        // Reads are not limited.
        Assert.Equal(HttpStatusCode.OK, (await Workload.Api.GetAsync("/api/assets?pageSize=1")).StatusCode);
        // The limit is per caller (the token's subject): another caller, here the CLI client, is not held back.
        using (var other = IdentityFlows.ApiAs(Fixture.App, await IdentityFlows.ClientAccessTokenAsync(Fixture.App)))
        using (var othersChange = await other.PostAsJsonAsync("/api/jobs", new { type = "no-such-type" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, othersChange.StatusCode);
        }
        // Served again once the window has ended: within Retry-After, give or take the poll.
        await Eventually.TrueAsync(async () =>
        {
            using var again = await Workload.Api.PostAsJsonAsync("/api/jobs", new { type = "no-such-type" });
            return again.StatusCode == HttpStatusCode.BadRequest;
        }, TimeSpan.FromSeconds(retryAfter + 5), "the limit to lift after its Retry-After");
    }

    private async Task AssertUploadRefusedAsync(HttpContent content, int status, string what)
    {
        using (content)
        {
            await AssertRefusedAsync(async () => await Workload.Api.PostAsync("/api/assets", content), status, what);
        }
    }

    /// <summary>The upload gets its problem (unless <paramref name="send"/> returns null: the connection was cut), and
    /// neither a record nor an object is left behind.</summary>
    private async Task AssertRefusedAsync(Func<Task<HttpResponseMessage?>> send, int status, string what)
    {
        await Workload.WaitUntilQuietAsync();
        var assetsBefore = await Workload.ScalarAsync<long>("SELECT count(*) FROM assets");
        var objectsBefore = await Workload.CountObjectsAsync("assets/");

        using (var response = await send())
        {
            if (response is not null)
            {
                await AssertProblemAsync(response, status, what);
            }
        }

        Assert.Equal(assetsBefore, await Workload.ScalarAsync<long>("SELECT count(*) FROM assets"));
        Assert.Equal(objectsBefore, await Workload.CountObjectsAsync("assets/"));
    }

    /// <summary>Hides the length of a stream, so that HttpClient sends it chunked.</summary>
    private sealed class UnknownLengthStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);
        public override void Flush() => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, int status, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{what}: expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()), $"{what}: the problem has no title");
    }
}
