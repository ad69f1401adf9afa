using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Api.Contracts.Authorization;
using Platform.ServiceDefaults.Identity;
using StackExchange.Redis;

namespace Platform.Web.SignIn;

/// <summary>
/// People sign in at the identity provider (OpenID Connect, authorization code with PKCE) and web keeps their session
/// in a cookie, with the tokens it got: every page needs a signed-in person, and the api is called with their access
/// token. The cookie's keys are shared through Redis, so that any web replica reads a session another one made.
/// </summary>
internal static class WebSignIn
{
    public const string ClientId = "platform-web";

    public static void AddWebSignIn(this WebApplicationBuilder builder)
    {
        var authority = IdentityAuthority.From(builder.Configuration);
        builder.AddResilientRedisClient("cache");
        builder.Services.AddDataProtection().SetApplicationName("platform-web");
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer>((keys, redis) =>
            keys.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), "web:data-protection-keys"));
        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = "platform-web";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            })
            .AddOpenIdConnect(oidc =>
            {
                oidc.Authority = authority.Url;
                oidc.RequireHttpsMetadata = authority.IsHttps;
                oidc.ClientId = builder.Configuration["Identity:ClientId"] ?? ClientId;
                oidc.ClientSecret = builder.Configuration["Identity:ClientSecret"]
                    ?? throw new InvalidOperationException("Identity:ClientSecret is not set: run web through the AppHost, which passes the parameter identity-web-secret.");
                oidc.ResponseType = "code";
                oidc.UsePkce = true;
                oidc.SaveTokens = true;
                oidc.MapInboundClaims = false;
                oidc.GetClaimsFromUserInfoEndpoint = false;
                oidc.TokenValidationParameters.NameClaimType = "name";
                oidc.TokenValidationParameters.RoleClaimType = "role";
                if (authority.Issuer is { } issuer)
                {
                    oidc.TokenValidationParameters.ValidIssuer = issuer;
                }
                oidc.Scope.Clear();
                foreach (var scope in (string[])["openid", "profile", "email", "roles", "offline_access", .. ApiScopes.All])
                {
                    oidc.Scope.Add(scope);
                }
            });
        builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.Services.AddHttpContextAccessor();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ProviderBackchannel>();
        builder.Services.AddSingleton<UserTokens>();
        builder.Services.AddSingleton<SessionRevocation>();
        builder.Services.AddTransient<UserAccessTokenHandler>();
    }
}
