using Microsoft.AspNetCore.Http.Features;

namespace Platform.Api.Problems;

/// <summary>
/// Every error is a ProblemDetails (RFC 9457): bad input is the client's 4xx with what was wrong, an unavailable
/// dependency is 503 with <c>Retry-After</c> (<see cref="UnavailableDependency"/>), and only a bug is a 500, whose
/// details stay in the log.
/// </summary>
internal static class ProblemResponses
{
    /// <summary>About how long the AppHost (or ECS) takes to bring a crashed PostgreSQL, Redis or S3 emulator back.</summary>
    public const int RetryAfterSeconds = 5;

    public static void AddProblemResponses(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity.TraceId.ToString();
            switch (context.Exception)
            {
                // Messages written for the client; other exceptions' text may reveal internals.
                case BadHttpRequestException { InnerException: System.Text.Json.JsonException json } badJson:
                    // Where in the document, not the serializer's own words (they name the api's .NET types).
                    context.ProblemDetails.Detail = $"{badJson.Message} The value at '{json.Path ?? "$"}' is malformed, of the wrong type, or a field the api does not know.";
                    break;
                case BadHttpRequestException or PayloadTooLargeException or UploadTimeoutException:
                    context.ProblemDetails.Detail = context.Exception.Message;
                    break;
                case { } exception when UnavailableDependency.Of(exception) is { } dependency:
                    DescribeUnavailable(context, dependency);
                    break;
            }
        });
        // Binding failures (malformed JSON, a non-numeric page) throw in every environment, so they take the
        // one path below and their message reaches the client.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        // A field the api does not know is a mistake (a misspelt "assetid"), refused rather than silently ignored.
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow);
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
        UploadTimeoutException => StatusCodes.Status408RequestTimeout,
        _ when UnavailableDependency.Of(exception) is not null => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    private static void DescribeUnavailable(ProblemDetailsContext context, string dependency)
    {
        context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.ProblemDetails.Title = "Service unavailable";
        context.ProblemDetails.Detail = $"The request could not be completed because {dependency} is unavailable; try again in {RetryAfterSeconds} s.";
        context.ProblemDetails.Extensions["dependency"] = dependency;
    }
}
