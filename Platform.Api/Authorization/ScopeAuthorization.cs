using Microsoft.AspNetCore.Authentication;

namespace Platform.Api.Authorization;

/// <summary>
/// A route that requires a scope (<see cref="RequireScope{TBuilder}"/>) answers 401 to a caller without a valid token
/// and 403 to a token without that scope, both through the bearer scheme (ProblemDetails, <see cref="ProblemAnswers"/>),
/// before anything binds the request. It stands where the authorization middleware would: evaluating a policy on every
/// request cost far more than comparing a scope of the caller already known (<see cref="BearerAuthentication"/>): a
/// result, a handler context, a global lock on an app switch and metrics (docs/benchmarks.md, "What authentication
/// costs").
/// </summary>
internal static class ScopeAuthorization
{
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiredScope(scope));

    public static IApplicationBuilder UseScopeAuthorization(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<RequiredScope>() is not { } required)
        {
            return next(context);
        }
        if (context.Features.Get<Caller>() is not { } caller)
        {
            return context.ChallengeAsync();
        }
        return caller.HasScope(required.Scope) ? next(context) : context.ForbidAsync();
    });
}
