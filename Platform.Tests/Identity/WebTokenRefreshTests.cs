using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Platform.Tests.Graph;
using Platform.Tests.Infrastructure;
using Platform.Web.SignIn;

namespace Platform.Tests.Identity;

/// <summary>web's session outlives an access token: an expired one is refreshed at the graph's identity provider with
/// the session's refresh token, the session keeps the new tokens, and the api accepts the new one.</summary>
[Collection("graph")]
public sealed class WebTokenRefreshTests(GraphFixture fixture)
{
    [Fact]
    public async Task An_expired_access_token_is_refreshed_and_the_session_keeps_the_new_tokens()
    {
        var tokens = await IdentityFlows.UserTokensAsync(fixture.App, await IdentityFlows.RegisterAsync(fixture.App));
        var clock = new TestClock();
        clock.SetUtcNow(DateTimeOffset.UtcNow);
        var session = new AuthenticationProperties();
        session.StoreTokens(
        [
            new AuthenticationToken { Name = "access_token", Value = tokens.GetProperty("access_token").GetString()! },
            new AuthenticationToken { Name = "refresh_token", Value = tokens.GetProperty("refresh_token").GetString()! },
            // Expired a minute ago, by the session's own record.
            new AuthenticationToken { Name = "expires_at", Value = clock.GetUtcNow().AddMinutes(-1).ToString("o") },
        ]);
        var http = Request(session, out var cookie);

        var refreshed = await new UserTokens(new ProviderBackchannel(Oidc(fixture)), clock).GetAccessTokenAsync(http, CancellationToken.None);

        Assert.NotEqual(tokens.GetProperty("access_token").GetString(), refreshed);
        var signedIn = Assert.IsType<AuthenticationProperties>(cookie.SignedIn);
        Assert.Equal(refreshed, signedIn.GetTokenValue("access_token"));
        Assert.NotEqual(tokens.GetProperty("refresh_token").GetString(), signedIn.GetTokenValue("refresh_token"));
        Assert.True(DateTimeOffset.Parse(signedIn.GetTokenValue("expires_at")!) > clock.GetUtcNow());
        using var api = IdentityFlows.ApiAs(fixture.App, refreshed);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/assets")).StatusCode);
        // A second call in the same request uses the fresh token without another refresh.
        Assert.Equal(refreshed, await new UserTokens(new ProviderBackchannel(Oidc(fixture)), clock).GetAccessTokenAsync(http, CancellationToken.None));
    }

    [Fact]
    public async Task A_refused_refresh_asks_the_person_to_sign_in_again()
    {
        var clock = new TestClock();
        clock.SetUtcNow(DateTimeOffset.UtcNow);
        var session = new AuthenticationProperties();
        session.StoreTokens(
        [
            new AuthenticationToken { Name = "access_token", Value = "expired" },
            new AuthenticationToken { Name = "refresh_token", Value = "not-a-refresh-token" },
            new AuthenticationToken { Name = "expires_at", Value = clock.GetUtcNow().AddMinutes(-1).ToString("o") },
        ]);

        await Assert.ThrowsAsync<SignInRequiredException>(() => new UserTokens(new ProviderBackchannel(Oidc(fixture)), clock).GetAccessTokenAsync(Request(session, out _), CancellationToken.None));
    }

    [Fact]
    public async Task Signing_out_revokes_the_sessions_refresh_token()
    {
        var tokens = await IdentityFlows.UserTokensAsync(fixture.App, await IdentityFlows.RegisterAsync(fixture.App));
        var session = new AuthenticationProperties();
        session.StoreTokens([new AuthenticationToken { Name = "refresh_token", Value = tokens.GetProperty("refresh_token").GetString()! }]);

        await new SessionRevocation(new ProviderBackchannel(Oidc(fixture)), NullLogger<SessionRevocation>.Instance)
            .RevokeAsync(Request(session, out _), CancellationToken.None);

        // A copy of the cookie (its refresh token) can no longer renew the session.
        using var identity = new HttpClient { BaseAddress = IdentityFlows.IdentityUrl(fixture.App) };
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), await IdentityFlows.TokenErrorAsync(identity, await IdentityFlows.RefreshFormAsync(fixture.App, tokens)));
    }

    /// <summary>web's OpenID Connect settings for the graph's provider, as web has them.</summary>
    private static IOptionsMonitor<OpenIdConnectOptions> Oidc(GraphFixture fixture)
    {
        var authority = IdentityFlows.IdentityUrl(fixture.App).ToString();
        var options = new OpenIdConnectOptions
        {
            Authority = authority,
            ClientId = "platform-web",
            ClientSecret = IdentityFlows.ParameterAsync(fixture.App, "identity-web-secret").GetAwaiter().GetResult(),
            Backchannel = new HttpClient(),
            ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
                new Uri(new Uri(authority), ".well-known/openid-configuration").ToString(), new OpenIdConnectConfigurationRetriever(), new HttpDocumentRetriever { RequireHttps = false }),
        };
        return new FixedOptions(options);
    }

    /// <summary>A request of a signed-in session: its cookie authenticates to <paramref name="session"/>, and what the
    /// session signs in again is kept in <paramref name="cookie"/>.</summary>
    private static HttpContext Request(AuthenticationProperties session, out FakeCookieSession cookie)
    {
        cookie = new FakeCookieSession(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "someone")], "test")), session, CookieAuthenticationDefaults.AuthenticationScheme));
        var services = new ServiceCollection().AddSingleton<IAuthenticationService>(cookie).BuildServiceProvider();
        return new DefaultHttpContext { RequestServices = services };
    }

    private sealed class FixedOptions(OpenIdConnectOptions options) : IOptionsMonitor<OpenIdConnectOptions>
    {
        public OpenIdConnectOptions CurrentValue => options;
        public OpenIdConnectOptions Get(string? name) => options;
        public IDisposable? OnChange(Action<OpenIdConnectOptions, string?> listener) => null;
    }

    /// <summary>The cookie scheme of one session: authenticates to its ticket, and records a sign-in.</summary>
    private sealed class FakeCookieSession(AuthenticationTicket ticket) : IAuthenticationService
    {
        public AuthenticationProperties? SignedIn { get; private set; }

        public Task<AuthenticateResult> AuthenticateAsync(HttpContext context, string? scheme) => Task.FromResult(AuthenticateResult.Success(
            new AuthenticationTicket(ticket.Principal, SignedIn ?? ticket.Properties, ticket.AuthenticationScheme)));

        public Task SignInAsync(HttpContext context, string? scheme, ClaimsPrincipal principal, AuthenticationProperties? properties)
        {
            SignedIn = properties;
            return Task.CompletedTask;
        }

        public Task ChallengeAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) => Task.CompletedTask;
        public Task ForbidAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) => Task.CompletedTask;
        public Task SignOutAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) => Task.CompletedTask;
    }
}
