using System.Globalization;
using System.Net.Sockets;
using Npgsql;
using Platform.Identity.Mail;

namespace Platform.Identity;

/// <summary>Errors as ProblemDetails: the identity database or the mail server unavailable is a 503 with
/// <c>Retry-After</c> (the same request works once it is back), only a bug is a 500. OAuth errors are OpenIddict's.</summary>
internal static class IdentityProblems
{
    public const int RetryAfterSeconds = 5;

    public static void AddIdentityProblems(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if (context.Exception is { } exception && UnavailableDependency(exception) is { } dependency)
            {
                context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                context.ProblemDetails.Title = "Service unavailable";
                context.ProblemDetails.Detail = $"{dependency} is unavailable; try again in {RetryAfterSeconds} s.";
            }
        });

    public static void UseIdentityProblems(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => UnavailableDependency(exception) is null ? StatusCodes.Status500InternalServerError : StatusCodes.Status503ServiceUnavailable,
        });
        app.UseStatusCodePages();
    }

    private static string? UnavailableDependency(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case MailUnavailableException:
                    return "The mail server";
                case PostgresException postgres when !postgres.IsTransient && !postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                    && !postgres.SqlState.StartsWith("53", StringComparison.Ordinal) && !postgres.SqlState.StartsWith("57", StringComparison.Ordinal):
                    return null;
                case NpgsqlException or SocketException or TimeoutException:
                    return "The identity database";
            }
        }
        return null;
    }
}
