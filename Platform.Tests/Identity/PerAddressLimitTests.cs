using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Platform.Identity;
using Platform.Identity.RateLimiting;

namespace Platform.Tests.Identity;

/// <summary>identity's per-address limits (the authorization endpoint, the forms' POSTs) on a real Kestrel that listens
/// on IPv4 and IPv6 loopback: two client addresses, each with a bucket of its own.</summary>
[Trait("Tier", "Fast")]
public sealed class PerAddressLimitTests : IAsyncLifetime
{
    private static readonly ProviderOptions Limits = new() { AuthorizeRequestsPerMinute = 3, SignInRequestsPerMinute = 2 };

    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0", "http://[::1]:0");
        builder.AddSignInRateLimiting(Limits);
        _app = builder.Build();
        _app.UseRateLimiter();
        _app.MapGet("/connect/authorize", () => "authorize").RequireRateLimiting(SignInRateLimiting.AuthorizePolicy);
        _app.MapMethods("/account/login", [HttpMethods.Get, HttpMethods.Post], () => "form").RequireRateLimiting(SignInRateLimiting.PolicyName);
        await _app.StartAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>A client of the server's IPv4 (127.0.0.1) or IPv6 (::1) loopback listener: two client addresses.</summary>
    private HttpClient Client(bool ipv6) => new() { BaseAddress = new Uri(_app.Urls.Single(url => url.Contains('[') == ipv6)) };

    [Fact]
    public async Task An_address_past_its_authorization_requests_gets_429_with_Retry_After_and_another_address_does_not()
    {
        using var first = Client(ipv6: false);
        for (var i = 0; i < Limits.AuthorizeRequestsPerMinute; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/connect/authorize")).StatusCode);
        }
        using var refused = await first.GetAsync("/connect/authorize");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);

        // The same server and limiter, from IPv6 loopback: another caller, with a bucket of its own.
        using var second = Client(ipv6: true);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/connect/authorize")).StatusCode);
    }

    [Fact]
    public async Task Only_a_forms_posts_count_against_its_address()
    {
        using var client = Client(ipv6: false);
        for (var i = 0; i < Limits.SignInRequestsPerMinute + 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
        }
        for (var i = 0; i < Limits.SignInRequestsPerMinute; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/account/login", null)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsync("/account/login", null)).StatusCode);
    }
}
