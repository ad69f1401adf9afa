using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Aspire.Hosting.Testing;
using Platform.Tests.Graph;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Identity;

/// <summary>Signing in and out, at the provider and on web; and what the provider answers to requests a client should
/// not make: the OAuth error the client expects, never a 500.</summary>
[Collection("graph")]
public sealed class SignInTests(GraphFixture fixture)
{
    [Fact]
    public async Task Web_sends_an_anonymous_visitor_to_sign_in_and_after_signing_out_asks_again()
    {
        using (var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.App.GetEndpoint("web") })
        {
            using var visit = await anonymous.GetAsync("/");
            Assert.Equal(HttpStatusCode.Redirect, visit.StatusCode);
            Assert.StartsWith(new Uri(IdentityFlows.IdentityUrl(fixture.App), "/connect/authorize").ToString(), visit.Headers.Location!.ToString());
        }
        var email = await IdentityFlows.RegisterAsync(fixture.App);
        using var web = await IdentityFlows.WebAsAsync(fixture.App, email);
        var start = await web.GetStringAsync("/");
        Assert.Contains($"<strong id=\"signed-in-as\">{email}</strong>", start);

        using var signOut = await web.PostAsync("/signout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = IdentityFlows.AntiforgeryToken(start),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        // Signed out at the provider too: it sends the browser back to web, which asks to sign in again.
        var next = signOut.Headers.Location!;
        Assert.StartsWith(new Uri(IdentityFlows.IdentityUrl(fixture.App), "/connect/endsession").ToString(), next.ToString());
        for (var hop = 0; hop < 5 && next.AbsolutePath != "/connect/authorize"; hop++)
        {
            using var response = await web.GetAsync(next);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            next = new Uri(next, response.Headers.Location!);
        }
        Assert.Equal("/connect/authorize", next.AbsolutePath);
    }

    [Fact]
    public async Task The_dashboard_shows_a_sign_in_at_web_as_traces_through_identity()
    {
        using var web = await IdentityFlows.WebAsAsync(fixture.App, await IdentityFlows.RegisterAsync(fixture.App));
        using var telemetry = await DashboardTelemetry.ConnectAsync(fixture.App);

        // The person's password, posted to identity's sign-in page.
        await Eventually.TrueAsync(async () => (await ServerSpansAsync(telemetry, "identity", "/account/login")).Any(s => s.Attribute("http.request.method") == "POST"),
            TimeSpan.FromSeconds(30), "identity's span of the posted sign-in form in the dashboard");
        // Web's callback with the code, and in the same trace, under it, identity answering web's exchange of the code.
        IReadOnlyList<DashboardSpan> exchange = [];
        await Eventually.TrueAsync(async () =>
            {
                foreach (var callback in await ServerSpansAsync(telemetry, "web", "/signin-oidc"))
                {
                    var trace = await telemetry.TraceAsync(callback.TraceId);
                    if (trace.Any(s => s.Service == "identity" && s.Attribute("url.path") == "/connect/token"))
                    {
                        exchange = trace;
                        return true;
                    }
                }
                return false;
            },
            TimeSpan.FromSeconds(30), "a trace from web's /signin-oidc to identity's /connect/token in the dashboard");
        var token = exchange.First(s => s.Service == "identity" && s.Kind == DashboardSpan.ServerKind && s.Attribute("url.path") == "/connect/token");
        var callback = exchange.First(s => s.Service == "web" && s.Kind == DashboardSpan.ServerKind && s.Attribute("url.path") == "/signin-oidc");
        Assert.False(token.IsError);
        Assert.True(Descends(token, callback, exchange), "identity's /connect/token span is not under web's /signin-oidc span");
    }

    private static async Task<IEnumerable<DashboardSpan>> ServerSpansAsync(DashboardTelemetry telemetry, string service, string path) =>
        (await telemetry.SpansOfAsync(service)).Where(s => s.Kind == DashboardSpan.ServerKind && s.Attribute("url.path") == path);

    private static bool Descends(DashboardSpan span, DashboardSpan ancestor, IReadOnlyList<DashboardSpan> trace)
    {
        var byId = trace.DistinctBy(s => s.SpanId).ToDictionary(s => s.SpanId);
        // At most one step per span: a trace whose parents form a cycle ends the walk.
        for (var (current, steps) = (span, 0); steps < trace.Count && current.ParentSpanId is { } parent; steps++)
        {
            if (parent == ancestor.SpanId)
            {
                return true;
            }
            if (!byId.TryGetValue(parent, out current!))
            {
                return false;
            }
        }
        return false;
    }

    [Fact]
    public async Task Forms_posted_without_their_antiforgery_token_are_refused()
    {
        using var web = await IdentityFlows.WebAsAsync(fixture.App, await IdentityFlows.RegisterAsync(fixture.App));

        using var signOut = await web.PostAsync("/signout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        using var upload = await web.PostAsync("/uploads", new MultipartFormDataContent { { new ByteArrayContent("x"u8.ToArray()), "file", "x.txt" } });
        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
        using var job = await web.PostAsync($"/assets/{Guid.NewGuid()}?handler=Job", new FormUrlEncodedContent(new Dictionary<string, string> { ["type"] = "ping" }));
        Assert.Equal(HttpStatusCode.BadRequest, job.StatusCode);
        // Still signed in: a refused form changes nothing.
        Assert.Equal(HttpStatusCode.OK, (await web.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Requests_a_client_should_not_make_get_the_OAuth_error_it_expects()
    {
        using var identity = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = IdentityFlows.IdentityUrl(fixture.App) };

        var unknownClient = await IdentityFlows.TokenErrorAsync(identity, new() { ["grant_type"] = "client_credentials", ["client_id"] = "nobody", ["client_secret"] = "x" });
        Assert.Equal((HttpStatusCode.Unauthorized, "invalid_client"), unknownClient);
        var wrongSecret = await IdentityFlows.TokenErrorAsync(identity, new() { ["grant_type"] = "client_credentials", ["client_id"] = "platform-cli", ["client_secret"] = "wrong" });
        Assert.Equal((HttpStatusCode.Unauthorized, "invalid_client"), wrongSecret);
        var unknownGrant = await IdentityFlows.TokenErrorAsync(identity, new() { ["grant_type"] = "password", ["username"] = "a", ["password"] = "b", ["client_id"] = "platform-cli" });
        Assert.Equal(HttpStatusCode.BadRequest, unknownGrant.Status);

        using var wrongRedirect = await identity.GetAsync("/connect/authorize?client_id=platform-web&response_type=code&scope=openid&redirect_uri=https%3A%2F%2Fevil.example%2Fcallback&code_challenge=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG&code_challenge_method=S256");
        Assert.Equal(HttpStatusCode.BadRequest, wrongRedirect.StatusCode);
        Assert.Null(wrongRedirect.Headers.Location);

        // A code is good once: the second exchange of the same code is refused.
        var email = await IdentityFlows.RegisterAsync(fixture.App);
        var (code, exchange) = await IdentityFlows.AuthorizationCodeAsync(fixture.App, email);
        Assert.Equal(HttpStatusCode.OK, (await identity.PostAsync("/connect/token", new FormUrlEncodedContent(exchange))).StatusCode);
        var replayed = await IdentityFlows.TokenErrorAsync(identity, exchange);
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), replayed);
        Assert.NotEmpty(code);

        // Oversized headers are the server's 431, before any application code.
        using var huge = new HttpRequestMessage(HttpMethod.Get, "/connect/authorize");
        huge.Headers.Add("X-Filler", new string('x', 64 * 1024));
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, (await identity.SendAsync(huge)).StatusCode);
    }
}
