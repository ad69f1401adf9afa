using System.Globalization;
using System.Threading.RateLimiting;

namespace Platform.Identity.RateLimiting;

/// <summary>Limits sign-in, registration and token requests (their POSTs: showing a form costs nothing) per client
/// address, so that passwords and client secrets cannot be guessed at speed (lockout protects each account; this
/// protects them all).</summary>
internal static class SignInRateLimiting
{
    public const string PolicyName = "sign-in";

    public static void AddSignInRateLimiting(this WebApplicationBuilder builder, int requestsPerMinute) =>
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            // Per client address; behind a load balancer the forwarded-headers middleware makes this the caller's.
            limiter.AddPolicy(PolicyName, context => !HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("reads")
                : RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = requestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
}
