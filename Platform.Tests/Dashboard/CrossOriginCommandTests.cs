using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Platform.Hosting;
using Platform.Hosting.Dashboard;
using Platform.Hosting.Orchestration;
using Platform.Tests.Orchestration;

namespace Platform.Tests.Dashboard;

/// <summary>Every port of localhost is the same site for the session cookie: a page of another port must not stop a resource.</summary>
[Trait("Tier", "Fast")]
public sealed class CrossOriginCommandTests : IAsyncLifetime
{
    private DistributedApplication _app = null!;
    private DashboardEndpoints _endpoints = null!;
    private HttpClient _browser = null!;

    public async Task InitializeAsync()
    {
        _app = await SmallGraphs.StartAsync(SmallGraphs.Sleeper());
        _endpoints = _app.Services.GetRequiredService<DashboardEndpoints>();
        // A browser that has logged in: it holds the session cookie.
        _browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = _endpoints.Url };
        using var login = await _browser.GetAsync($"/login?t={_endpoints.BrowserToken}");
        login.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        _browser.Dispose();
        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Origin", "http://localhost:5173")]
    [InlineData("Origin", "null")]
    public async Task A_command_posted_by_a_page_of_another_origin_is_refused(string header, string value)
    {
        var pid = Assert.Single(_app.ResourceNotifications.GetSnapshot("sleeper").ProcessIds);

        using var response = await PostAsync($"/api/resources/sleeper/{KnownResourceCommands.StopCommand}", (header, value));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var after = _app.ResourceNotifications.GetSnapshot("sleeper");
        Assert.Equal(KnownResourceStates.Running, after.State);
        Assert.Equal(pid, Assert.Single(after.ProcessIds));
    }

    [Fact]
    public async Task A_command_from_the_dashboards_own_page_is_carried_out()
    {
        using var stopped = await PostAsync($"/api/resources/sleeper/{KnownResourceCommands.StopCommand}",
            ("Sec-Fetch-Site", "same-origin"), ("Origin", _endpoints.Url.ToString().TrimEnd('/')));

        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        Assert.Equal(KnownResourceStates.Exited, _app.ResourceNotifications.GetSnapshot("sleeper").State);

        // A browser without Sec-Fetch-Site still sends Origin.
        using var started = await PostAsync($"/api/resources/sleeper/{KnownResourceCommands.StartCommand}", ("Origin", _endpoints.Url.ToString().TrimEnd('/')));

        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Equal(KnownResourceStates.Running, _app.ResourceNotifications.GetSnapshot("sleeper").State);
    }

    private async Task<HttpResponseMessage> PostAsync(string path, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return await _browser.SendAsync(request);
    }
}
