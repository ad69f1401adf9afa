using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using Platform.Api.Contracts.Authorization;
using Platform.Identity.Account;
using Platform.Identity.Connect;
using Platform.Identity.Data;
using Platform.Identity.Keys;
using Platform.Identity.Pruning;
using Platform.Identity.RateLimiting;
using Platform.Identity.Setup;
using Platform.ServiceDefaults.Http;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Identity;

/// <summary>The provider's services: users (ASP.NET Core Identity), OpenIddict's server on the same database, its
/// keys, the sign-in rate limit; and the request pipeline.</summary>
internal static class ApplicationServices
{
    public const string ConnectionName = "identitydb";

    public static void AddIdentityServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProviderOptions>().BindConfiguration(ProviderOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<SetupOptions>().BindConfiguration(SetupOptions.SectionName).ValidateDataAnnotations();
        var options = builder.Configuration.GetSection(ProviderOptions.SectionName).Get<ProviderOptions>() ?? new ProviderOptions();

        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not set: run the identity service through the AppHost.");
        builder.Services.AddDbContext<UsersDbContext>(db => db.UseNpgsql(connectionString).UseOpenIddict());
        builder.Services.AddHealthChecks().AddNpgSql(connectionString, name: $"PostgreSql_{ConnectionName}");
        builder.Services.AddDataProtection().SetApplicationName("platform-identity").PersistKeysToDbContext<UsersDbContext>();

        builder.Services.AddIdentity<IdentityUser, IdentityRole>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                // Length over composition rules (NIST SP 800-63B): at least 12 characters, no required character classes.
                identity.Password.RequiredLength = 12;
                identity.Password.RequiredUniqueChars = 4;
                identity.Password.RequireDigit = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                identity.SignIn.RequireConfirmedEmail = options.RequireConfirmedEmail ?? !builder.Environment.IsDevelopment();
                // No lockout from failed passwords (anyone could lock anyone out): they are slowed down instead
                // (Account/SignInThrottle). An admin may still lock an account by hand.
                identity.Lockout.AllowedForNewUsers = false;
                identity.ClaimsIdentity.UserNameClaimType = Claims.Name;
                identity.ClaimsIdentity.UserIdClaimType = Claims.Subject;
                identity.ClaimsIdentity.RoleClaimType = Claims.Role;
            })
            .AddEntityFrameworkStores<UsersDbContext>()
            .AddDefaultTokenProviders();
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.Cookie.Name = "platform-identity";
            cookie.Cookie.SameSite = SameSiteMode.Lax;
        });

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<UsersDbContext>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris(ConnectEndpoints.Authorize)
                    .SetTokenEndpointUris(ConnectEndpoints.Token)
                    .SetUserInfoEndpointUris(ConnectEndpoints.UserInfo)
                    .SetEndSessionEndpointUris(ConnectEndpoints.EndSession)
                    .SetRevocationEndpointUris(ConnectEndpoints.Revocation);
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowClientCredentialsFlow()
                    .AllowRefreshTokenFlow();
                server.RegisterScopes([Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Roles, Scopes.OfflineAccess, .. ApiScopes.All]);
                // Access tokens are plain signed JWTs, so that the api validates them with the published key set alone.
                server.DisableAccessTokenEncryption();
                server.SetAccessTokenLifetime(TimeSpan.FromMinutes(options.AccessTokenMinutes));
                if (options.Issuer is { } issuer)
                {
                    server.SetIssuer(issuer);
                }
                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                // Locally the graph speaks plain HTTP on loopback; in the cloud TLS ends at the load balancer.
                aspNetCore.DisableTransportSecurityRequirement();
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
            });

        // The keys are made when the server first needs them: the setup step, which never issues a token, is not given the secret.
        builder.Services.AddOptions<OpenIddictServerOptions>().Configure<IOptions<ProviderOptions>>((server, provider) => DerivedKeys.AddTo(server, provider.Value));
        builder.Services.AddScoped<TokenPrincipals>();
        builder.Services.AddSingleton<TokenRequestLimiter>();
        builder.Services.AddRazorPages();
        builder.Services.AddIdentityProblems();
        builder.AddSignInRateLimiting(options);
        builder.AddAccountFlows();
        builder.Services.AddOptions<PruningOptions>().BindConfiguration(PruningOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<TokenPruning>();
        builder.Services.AddHostedService(services => services.GetRequiredService<TokenPruning>());
    }

    public static void UseIdentityPipeline(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseIdentityProblems();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapDefaultEndpoints();
        app.MapConnectEndpoints();
        app.MapRazorPages();
    }
}
