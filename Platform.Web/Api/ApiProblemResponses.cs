using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Platform.Web.Api;

/// <summary>
/// Errors of web's pages and forms as ProblemDetails (RFC 9457): the api unreachable, or answering that a dependency is
/// unavailable (503), is a 503 with <c>Retry-After</c>, not a 500; a refusal of the api that a page did not expect
/// keeps its 4xx; bodiless errors (an unknown page, a refused form) get a ProblemDetails body too.
/// </summary>
public static class ApiProblemResponses
{
    /// <summary>As the api's own <c>Retry-After</c> for an unavailable dependency.</summary>
    public const int RetryAfterSeconds = 5;

    public static void AddApiProblemResponses(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if (context.Exception is { } failure && BadRequestIn(failure) is { } badRequest)
            {
                context.ProblemDetails.Detail = badRequest.Message;
            }
            else if (context.Exception is { } exception && IsUnavailable(exception))
            {
                context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                context.ProblemDetails.Title = "Service unavailable";
                context.ProblemDetails.Detail = $"The api is unavailable; try again in {RetryAfterSeconds} s.";
            }
            else if (context.Exception is HttpRequestException { StatusCode: { } status })
            {
                context.ProblemDetails.Detail = $"The api answered {(int)status} {status}.";
            }
        });

    public static void UseApiProblemResponses(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusCodeOf });
        app.UseStatusCodePages();
    }

    private static int StatusCodeOf(Exception exception) => exception switch
    {
        // The browser's own request was bad (its body stalled or broke off while web passed it on to the api).
        _ when BadRequestIn(exception) is { } badRequest => badRequest.StatusCode,
        _ when IsUnavailable(exception) => StatusCodes.Status503ServiceUnavailable,
        // A refusal the page did not expect (the token lacks a scope, the rate limit): the api's own status.
        HttpRequestException { StatusCode: { } status } when (int)status is >= 400 and < 500 => (int)status,
        _ => StatusCodes.Status500InternalServerError,
    };

    private static BadHttpRequestException? BadRequestIn(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is BadHttpRequestException badRequest)
            {
                return badRequest;
            }
        }
        return null;
    }

    /// <summary>The api answered 502-504 (its dependency is down, or it is restarting behind a proxy), could not be
    /// reached, did not answer in time, or the resilience handler holds calls back: its circuit is open after many
    /// failures, or more calls are in flight than it lets through (both seen as 500s under overload).</summary>
    private static bool IsUnavailable(Exception exception) => exception switch
    {
        HttpRequestException { StatusCode: HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout } => true,
        HttpRequestException { StatusCode: null } => true,
        TaskCanceledException { InnerException: TimeoutException } => true,
        Polly.Timeout.TimeoutRejectedException => true,
        Polly.CircuitBreaker.BrokenCircuitException => true,
        Polly.RateLimiting.RateLimiterRejectedException => true,
        _ => exception.InnerException is SocketException,
    };
}
