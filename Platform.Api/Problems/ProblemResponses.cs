using Microsoft.AspNetCore.Http.Features;
using Npgsql;
using StackExchange.Redis;

namespace Platform.Api.Problems;

/// <summary>
/// Every error is a ProblemDetails (RFC 9457): bad input is the client's 4xx with what was wrong, an unreachable
/// dependency is 503, and only a bug is a 500, whose details stay in the log.
/// </summary>
internal static class ProblemResponses
{
    public static void AddProblemResponses(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity.TraceId.ToString();
            // Messages written for the client; other exceptions' text may reveal internals.
            if (context.Exception is BadHttpRequestException or PayloadTooLargeException)
            {
                context.ProblemDetails.Detail = context.Exception.Message;
            }
        });
        // Binding failures (malformed JSON, a non-numeric page) throw in every environment, so they take the
        // one path below and their message reaches the client.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
    }

    public static void UseProblemResponses(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusCodeOf });
        // Bodiless errors (404 of an unknown route, 415, 405) get a ProblemDetails body too.
        app.UseStatusCodePages();
    }

    private static int StatusCodeOf(Exception exception) => exception switch
    {
        BadHttpRequestException badRequest => badRequest.StatusCode,
        PayloadTooLargeException => StatusCodes.Status413PayloadTooLarge,
        RedisConnectionException or RedisTimeoutException => StatusCodes.Status503ServiceUnavailable,
        NpgsqlException and not PostgresException => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };
}

/// <summary>An upload over the configured limit, found while streaming it.</summary>
internal sealed class PayloadTooLargeException(long limit)
    : Exception($"The file is larger than the limit of {limit} bytes.");
