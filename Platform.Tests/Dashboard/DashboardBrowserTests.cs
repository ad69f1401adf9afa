using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Platform.Hosting.Dashboard;
using Platform.Hosting.Orchestration;
using Platform.Hosting.Testing;
using Platform.Tests.Graph;
using Platform.Tests.Identity;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Dashboard;

/// <summary>The dashboard of the AppHost's own graph, in a real browser, as a user goes through it.</summary>
[Collection("graph")]
public sealed class DashboardBrowserTests(GraphFixture fixture, Chromium chromium) : IClassFixture<Chromium>
{
    private const float Patience = 30_000;

    private DashboardEndpoints Dashboard => fixture.App.Services.GetRequiredService<DashboardEndpoints>();

    [Fact]
    public async Task Logging_in_with_the_token_shows_every_resource_healthy_and_the_graph()
    {
        var page = await LogInAsync();

        await Assertions.Expect(page.Locator("p.summary")).ToHaveTextAsync("All resources are up.", new() { Timeout = Patience });
        foreach (var snapshot in fixture.App.ResourceNotifications.Snapshots)
        {
            var row = page.Locator($"tr[data-resource='{snapshot.Name}']");
            var expected = snapshot.Name is "migrations" or "identity-setup" ? "Finished" : "Healthy";
            await Assertions.Expect(row).ToContainTextAsync(expected);
        }
        await Assertions.Expect(page.Locator("tr[data-resource='api'] a[href^='http://localhost:']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tr[data-resource='worker']")).ToContainTextAsync("2/2 running");
        await Assertions.Expect(page.Locator("svg.graph-picture g.node")).ToHaveCountAsync(fixture.App.ResourceNotifications.Snapshots.Count);
        await Assertions.Expect(page.Locator("svg.graph-picture path.edge-wait title", new() { HasTextString = "api waits for cache" })).ToHaveCountAsync(1);
        await Chromium.SaveScreenshotAsync(page, "resources");
    }

    [Fact]
    public async Task An_api_call_is_found_as_a_trace_with_spans_from_api_and_the_database()
    {
        // The call carries our trace id, so that the test finds exactly its trace. /health reaches the database
        // (its PostgreSQL checks), which every version of the api does.
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var api = fixture.App.CreateHttpClient("api");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        (await api.SendAsync(request)).EnsureSuccessStatusCode();
        var page = await LogInAsync();

        await page.GotoAsync($"{Dashboard.Url}traces?resource=api&text={traceId}");
        var link = page.Locator($"a[href='/traces/{traceId}']");
        await Assertions.Expect(link).ToBeVisibleAsync(new() { Timeout = Patience }); // exported within about a second, listed on the next refresh
        await link.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/traces/{traceId}$"));
        var spans = page.Locator("details.span-row");
        await Assertions.Expect(spans.First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("details.span-row[data-service='api']").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("details.span-row .tag", new() { HasTextString = "postgresql" }).First).ToBeVisibleAsync();
        await spans.First.Locator("summary").ClickAsync();
        await Assertions.Expect(spans.First.Locator("table.kv")).ToContainTextAsync("api");
        await Chromium.SaveScreenshotAsync(page, "trace-api-database");
    }

    [Fact]
    public async Task A_request_to_web_shows_one_trace_across_web_and_api()
    {
        var page = await LogInAsync();
        // Signing in to web ends on its start page, which lists assets from the api.
        using (await IdentityFlows.WebAsAsync(fixture.App, await IdentityFlows.RegisterAsync(fixture.App)))
        {
        }

        await page.GotoAsync($"{Dashboard.Url}traces?resource=web");
        var row = page.Locator("table.traces tbody tr", new() { HasTextString = "web: GET /" }).First;
        await Assertions.Expect(row).ToContainTextAsync("api", new() { Timeout = Patience });
        await Chromium.SaveScreenshotAsync(page, "traces");
        await page.Locator("input[name=minDuration]").FillAsync("600000");
        await page.Locator("form.filters button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("table.traces")).ToHaveCountAsync(0); // nothing took ten minutes
        await page.Locator("input[name=minDuration]").FillAsync("");
        await page.Locator("form.filters button[type=submit]").ClickAsync();
        await row.Locator("a").First.ClickAsync();

        await Assertions.Expect(page.Locator("details.span-row[data-service='web']").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("details.span-row[data-service='api']").First).ToBeVisibleAsync();
        await Chromium.SaveScreenshotAsync(page, "trace-waterfall");
    }

    [Fact]
    public async Task A_resource_console_logs_stream_into_the_page_and_can_be_searched()
    {
        var page = await LogInAsync();
        await page.Locator("tr[data-resource='api'] a", new() { HasTextString = "Console" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/consolelogs/api$"));
        await Assertions.Expect(page.Locator("#console .line").First).ToBeVisibleAsync(new() { Timeout = Patience });
        await page.Locator("#console-search").FillAsync("Now listening on");
        await Assertions.Expect(page.Locator("#console .line:not(.hidden) mark").First).ToHaveTextAsync("Now listening on");
        await Assertions.Expect(page.Locator("#console-count")).ToContainTextAsync(" of ");
        await page.Locator("#console-search").FillAsync("");
        await Chromium.SaveScreenshotAsync(page, "console-logs");
    }

    [Fact]
    public async Task Structured_logs_and_metrics_show_what_the_services_export()
    {
        var page = await LogInAsync();
        // web -> api: requests to chart and to log.
        using (await IdentityFlows.WebAsAsync(fixture.App, await IdentityFlows.RegisterAsync(fixture.App)))
        {
        }

        await page.GotoAsync($"{Dashboard.Url}structuredlogs?resource=api");
        await Assertions.Expect(page.Locator("table.logs tbody tr").First).ToBeVisibleAsync(new() { Timeout = Patience });
        await Chromium.SaveScreenshotAsync(page, "structured-logs");

        await page.GotoAsync($"{Dashboard.Url}metrics/api?meter=Microsoft.AspNetCore.Hosting&instrument=http.server.request.duration");
        await Assertions.Expect(page.Locator("figure.chart figcaption", new() { HasTextString = "Percentiles" })).ToBeVisibleAsync(new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("figure.chart polyline, figure.chart circle").First).ToBeAttachedAsync(new() { Timeout = Patience });
        await Chromium.SaveScreenshotAsync(page, "metrics");
    }

    [Theory]
    [InlineData("worker", "Platform.Worker", "platform.jobs.queue.depth")]
    [InlineData("api", "Platform.Postgres", "platform.postgres.replica.lag")]
    public async Task The_workloads_own_instruments_are_charted(string resource, string meter, string instrument)
    {
        var page = await LogInAsync();

        var chosen = page.Locator($"aside.instruments a.active[href*='instrument={instrument}']");

        // The list of instruments is drawn with the page: load it again until the first export has arrived.
        var waited = Stopwatch.StartNew();
        await page.GotoAsync($"{Dashboard.Url}metrics/{resource}?meter={meter}&instrument={instrument}");
        while (await chosen.CountAsync() == 0 && waited.ElapsedMilliseconds < Patience)
        {
            await Task.Delay(500);
            await page.ReloadAsync();
        }

        await Assertions.Expect(chosen).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("figure.chart figcaption", new() { HasTextString = "Value" })).ToBeVisibleAsync(new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("table.series tbody tr").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Restart_from_the_resources_page_reports_the_new_state_once_it_changed()
    {
        var page = await LogInAsync();
        var before = fixture.App.ResourceNotifications.GetSnapshot("web").ProcessIds.Single();
        var button = page.Locator("tr[data-resource='web'] button", new() { HasTextString = "Restart" });

        await button.ClickAsync();

        await Assertions.Expect(page.Locator("tr[data-resource='web'] button[disabled]").First).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator("tr[data-resource='web'] button", new() { HasTextString = "Restart" })).ToBeEnabledAsync(new() { Timeout = Patience });
        var after = await fixture.App.WaitForResourceHealthyAsync("web", new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        Assert.NotEqual(before, after.ProcessIds.Single());
        await Assertions.Expect(page.Locator("tr[data-resource='web']")).ToContainTextAsync("Healthy", new() { Timeout = Patience });
    }

    [Fact]
    public async Task Without_the_token_the_dashboard_refuses_access()
    {
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(Dashboard.Url.ToString());
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login$"));
        await Assertions.Expect(page.Locator("table.resources")).ToHaveCountAsync(0);
        var wrong = await page.GotoAsync($"{Dashboard.Url}login?t={DashboardEndpoints.GenerateToken()}");
        Assert.Equal(401, wrong!.Status);
        await Assertions.Expect(page.Locator(".error")).ToContainTextAsync("not this run's");
        var fragment = await page.APIRequest.GetAsync($"{Dashboard.Url}fragments/resources");
        Assert.Equal(401, fragment.Status);
        var command = await page.APIRequest.PostAsync($"{Dashboard.Url}api/resources/web/{KnownResourceCommands.StopCommand}");
        Assert.Equal(401, command.Status);
        Assert.True(fixture.App.ResourceNotifications.GetSnapshot("web").IsHealthy);

        await Chromium.SaveScreenshotAsync(page, "login");
        await page.Locator("input[name=t]").FillAsync(Dashboard.BrowserToken);
        await page.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("table.resources")).ToBeVisibleAsync();
    }

    private async Task<IPage> LogInAsync()
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Dashboard.LoginUrl.ToString());
        await Assertions.Expect(page).ToHaveURLAsync(Dashboard.Url.ToString());
        return page;
    }
}
