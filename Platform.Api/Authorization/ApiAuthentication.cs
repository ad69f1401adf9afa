using Microsoft.AspNetCore.Authentication.JwtBearer;
using Platform.Api.Contracts.Authorization;
using Platform.ServiceDefaults.Identity;

namespace Platform.Api.Authorization;

/// <summary>
/// Every <c>/api</c> route needs a bearer token: a JWT signed by the identity provider's published keys, for the
/// audience <c>platform-api</c>, with the scope the route needs (<see cref="ApiScopes"/>). The provider is found as
/// Aspire's service discovery names it (<c>services:identity:http:0</c>), or set (<c>Identity:Authority</c>: an existing
/// provider such as Cognito, Entra ID or Auth0). A missing or bad token is a 401, a missing scope a 403, both
/// ProblemDetails.
/// </summary>
internal static class ApiAuthentication
{
    public static void AddApiAuthentication(this IHostApplicationBuilder builder)
    {
        var authority = IdentityAuthority.From(builder.Configuration);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.Authority = authority.Url;
            jwt.Audience = ApiScopes.Audience;
            jwt.RequireHttpsMetadata = authority.IsHttps;
            // Claims as the token names them (sub, role, scope), not mapped to the long XML names.
            jwt.MapInboundClaims = false;
            jwt.AutomaticRefreshInterval = KeySetWatch.RefreshInterval;
            jwt.TokenValidationParameters.NameClaimType = "name";
            jwt.TokenValidationParameters.RoleClaimType = Caller.RoleClaim;
            if (authority.Issuer is { } issuer)
            {
                jwt.TokenValidationParameters.ValidIssuer = issuer;
            }
            jwt.Events = new JwtBearerEvents
            {
                OnTokenValidated = ValidatedTokens.Remember,
                OnChallenge = context => ProblemAnswers.ChallengeAsync(context),
                OnForbidden = context => ProblemAnswers.ForbiddenAsync(context),
            };
        });
        builder.Services.AddSingleton<ValidatedTokens>();
        builder.Services.AddHostedService<KeySetWatch>();
    }
}
