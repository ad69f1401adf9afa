using Microsoft.AspNetCore.Authentication;

namespace Platform.Api.Authorization;

/// <summary>
/// Decides who is calling, once per request, where the authentication middleware would. A bearer token validated
/// before (<see cref="ValidatedTokens"/>) names its caller at once; any other request goes through the JWT bearer
/// handler as usual, which remembers a valid token. Going around the handlers for a known token saves their
/// per-request setup (a scoped service, a handler, its contexts, results and tasks), which allocated more than the
/// cached read it guards (docs/benchmarks.md, "What authentication costs"). The caller is kept as a request feature
/// for the scope check, the rate limiter and the handlers.
/// </summary>
internal static class BearerAuthentication
{
    // The mark UseAuthentication leaves: without it, WebApplication would put its own authentication middleware at the
    // start of the pipeline, which validates every token again.
    private const string AuthenticationMiddlewareSet = "__AuthenticationMiddlewareSet";

    public static IApplicationBuilder UseBearerAuthentication(this IApplicationBuilder app)
    {
        app.Properties[AuthenticationMiddlewareSet] = true;
        var tokens = app.ApplicationServices.GetRequiredService<ValidatedTokens>();
        return app.Use((context, next) =>
        {
            if (tokens.Recall(context.Request.Headers.Authorization) is not { } known)
            {
                return AuthenticateAsync(context, next);
            }
            context.User = known.Principal;
            context.Features.Set(known.Caller);
            return next(context);
        });
    }

    private static async Task AuthenticateAsync(HttpContext context, RequestDelegate next)
    {
        var result = await context.AuthenticateAsync();
        if (result is { Succeeded: true, Principal: { } principal })
        {
            context.User = principal;
            context.Features.Set(Caller.From(principal));
        }
        await next(context);
    }
}
