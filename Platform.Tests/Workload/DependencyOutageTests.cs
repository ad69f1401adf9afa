using System.Net;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Platform.Tests.Graph;
using Platform.Tests.Identity;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Workload;

/// <summary>
/// The graph with one dependency stopped (the dashboard's Stop): the api answers what needs it with a 503 ProblemDetails
/// and Retry-After that names it, never a 500, writes nothing, and takes back what it had already stored; web's forms
/// and pages answer the same when the api itself is gone. Each test starts the resource again and waits until the api is healthy.
/// </summary>
[Collection("graph")]
public sealed class DependencyOutageTests(GraphFixture fixture) : WorkloadTestClass(fixture)
{
    [Fact]
    public async Task With_the_database_stopped_an_upload_is_a_503_and_its_stored_object_is_deleted()
    {
        await Workload.WaitUntilQuietAsync();
        var objectsBefore = await Workload.CountObjectsAsync("assets/");
        var assetsBefore = await Workload.ScalarAsync<long>("SELECT count(*) FROM assets");

        await WhileStoppedAsync("pg", async () =>
        {
            // The file reaches S3 before the insert fails: the failure path must delete it.
            using var upload = await Workload.Api.PostAsync("/api/assets", Workload.Form("no row for me\n"u8.ToArray(), "orphan.txt"));
            await AssertUnavailableAsync(upload, "PostgreSQL");
            Assert.Equal(objectsBefore, await Workload.CountObjectsAsync("assets/"));

            using var list = await Workload.Api.GetAsync("/api/assets");
            await AssertUnavailableAsync(list, "PostgreSQL");
            using var job = await Workload.Api.GetAsync($"/api/jobs/{Guid.NewGuid()}");
            await AssertUnavailableAsync(job, "PostgreSQL");
        });

        Assert.Equal(assetsBefore, await Workload.ScalarAsync<long>("SELECT count(*) FROM assets"));
    }

    [Fact]
    public async Task With_storage_stopped_uploads_are_503_and_write_nothing_and_downloads_are_the_stores_to_answer()
    {
        var id = (await Workload.UploadAsync("kept\n"u8.ToArray(), "kept.txt")).GetProperty("id").GetGuid();
        await Workload.WaitForAssetAsync(id, "done");
        await Workload.WaitUntilQuietAsync();
        var assetsBefore = await Workload.ScalarAsync<long>("SELECT count(*) FROM assets");

        await WhileStoppedAsync("storage", async () =>
        {
            using var upload = await Workload.Api.PostAsync("/api/assets", Workload.Form("nowhere to go\n"u8.ToArray(), "lost.txt"));
            await AssertUnavailableAsync(upload, "S3");
            // A presigned upload's URL needs no call to the store; its completion, which looks for the bytes, does.
            var ticket = await Workload.CreateUploadAsync("lost.txt", "text/plain", 14);
            using var complete = await Workload.CompleteUploadAsync(ticket.GetProperty("uploadId").GetGuid());
            await AssertUnavailableAsync(complete, "S3");
            // A download is a redirect to the store, issued without calling it: the store, down, is what fails, not the api.
            using var download = await Workload.ApiWithoutRedirects.GetAsync($"/api/assets/{id}/content");
            Assert.Equal(HttpStatusCode.Redirect, download.StatusCode);
            await Assert.ThrowsAsync<HttpRequestException>(() => Workload.Store.GetAsync(download.Headers.Location));
            Assert.Equal(assetsBefore, await Workload.ScalarAsync<long>("SELECT count(*) FROM assets"));
        });

        // Back: the same upload is accepted.
        await Workload.UploadAsync("somewhere to go\n"u8.ToArray(), "found.txt");
    }

    [Fact]
    public async Task With_the_cache_stopped_reads_are_503_and_an_upload_that_cannot_be_queued_is_taken_back()
    {
        var id = (await Workload.UploadAsync("cached\n"u8.ToArray(), "cached.txt")).GetProperty("id").GetGuid();
        await Workload.WaitForAssetAsync(id, "done");
        await Workload.WaitUntilQuietAsync();
        var assetsBefore = await Workload.ScalarAsync<long>("SELECT count(*) FROM assets");
        var objectsBefore = await Workload.CountObjectsAsync("assets/");

        await WhileStoppedAsync("cache", async () =>
        {
            using var read = await Workload.Api.GetAsync($"/api/assets/{Guid.NewGuid()}");
            await AssertUnavailableAsync(read, "Redis");
            // Stored and recorded, then the queue is down: the record and the object are taken back.
            using var upload = await Workload.Api.PostAsync("/api/assets", Workload.Form("unqueued\n"u8.ToArray(), "unqueued.txt"));
            await AssertUnavailableAsync(upload, "Redis");
            Assert.Equal(assetsBefore, await Workload.ScalarAsync<long>("SELECT count(*) FROM assets"));
            Assert.Equal(objectsBefore, await Workload.CountObjectsAsync("assets/"));
        });
    }

    [Fact]
    public async Task With_the_api_stopped_the_upload_form_of_web_is_a_503_with_Retry_After()
    {
        using var web = await IdentityFlows.WebAsAsync(Fixture.App, Email);
        var form = await web.GetStringAsync("/upload");
        var action = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(form, "action=\"(?<action>/uploads\\?[^\"]+)\"").Groups["action"].Value);

        await WhileStoppedAsync("api", async () =>
        {
            using var upload = await web.PostAsync(action, Workload.Form("for nobody\n"u8.ToArray(), "web.txt"));
            var problem = await AssertProblemAsync(upload, 503);
            Assert.NotNull(upload.Headers.RetryAfter?.Delta);
            Assert.Contains("api", problem.GetProperty("detail").GetString());
            // A page: its reads are retried (web's resilience handler) before the 503.
            using var page = await web.GetAsync("/");
            await AssertProblemAsync(page, 503);
            Assert.NotNull(page.Headers.RetryAfter?.Delta);
        });
    }

    /// <summary>Stops <paramref name="resource"/>, runs <paramref name="during"/>, starts it again, and waits until it and
    /// the api are healthy.</summary>
    private async Task WhileStoppedAsync(string resource, Func<Task> during)
    {
        var commands = Fixture.App.ResourceCommands;
        var target = Fixture.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == resource);
        await commands.ExecuteCommandAsync(target, KnownResourceCommands.StopCommand);
        try
        {
            await during();
        }
        finally
        {
            await commands.ExecuteCommandAsync(target, KnownResourceCommands.StartCommand);
            foreach (var name in new[] { resource, "api" }.Distinct())
            {
                await Fixture.Resources.WaitAsync(name, state => state.IsHealthy, Workload.Patience, $"{name} to be healthy again");
            }
            if (resource == "pg")
            {
                await UntilPoolsRecoverAsync();
            }
        }
    }

    /// <summary>A restarted PostgreSQL ended every pooled connection (57P01): each client meets its dead ones once. The
    /// test's own pool is emptied; identity's (which the next test class needs to register people) is used until it works.</summary>
    private async Task UntilPoolsRecoverAsync()
    {
        Workload.Db.Clear();
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                await IdentityFlows.RegisterAsync(Fixture.App);
                return true;
            }
            catch (Exception e) when (e is Xunit.Sdk.XunitException or HttpRequestException)
            {
                return false;
            }
        }, Workload.Patience, "identity to register people again");
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response, string dependency)
    {
        var problem = await AssertProblemAsync(response, 503);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"no Retry-After on the 503 for {dependency}");
        Assert.Equal(dependency, problem.GetProperty("dependency").GetString());
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
