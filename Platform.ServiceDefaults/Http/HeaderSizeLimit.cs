using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.Http;

/// <summary>
/// Refuses a request whose headers are larger than any client of ours sends (the largest is web's session cookie, a few
/// KB) with a 431 ProblemDetails that names the header. Kestrel's own limit (32 KB in all) still stands behind it, but
/// its refusal is a bare status line that says nothing.
/// </summary>
public static class HeaderSizeLimit
{
    public const int MaxHeaderBytes = 16 * 1024;
    public const int MaxTotalBytes = 24 * 1024;

    public static IApplicationBuilder UseHeaderSizeLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (Problem(context.Request.Headers) is { } detail)
        {
            context.Response.StatusCode = StatusCodes.Status431RequestHeaderFieldsTooLarge;
            await Results.Problem(statusCode: StatusCodes.Status431RequestHeaderFieldsTooLarge, title: "Request headers too large", detail: detail)
                .ExecuteAsync(context);
            return;
        }
        await next(context);
    });

    private static string? Problem(IHeaderDictionary headers)
    {
        var total = 0;
        foreach (var (name, values) in headers)
        {
            // Indexed, not LINQ: this runs on every request, and Sum would box the values and allocate an enumerator.
            var size = name.Length;
            for (var i = 0; i < values.Count; i++)
            {
                size += values[i]?.Length ?? 0;
            }
            if (size > MaxHeaderBytes)
            {
                return $"The header '{name}' is {size} bytes; at most {MaxHeaderBytes} are accepted.";
            }
            total += size;
        }
        return total > MaxTotalBytes ? $"The request's headers are {total} bytes in all; at most {MaxTotalBytes} are accepted." : null;
    }
}
