using System.Globalization;
using System.Threading.RateLimiting;

namespace Platform.Identity.RateLimiting;

/// <summary>
/// Per client address: the forms a person posts (sign-in, registration, password reset, confirmation mail) and the
/// authorization endpoint, so that one address cannot hammer them. Token requests are limited per authenticated caller
/// instead (<see cref="TokenRequestLimiter"/>): they all come from web's address. Failed passwords are slowed down per
/// account and per address on top of this (<c>Account/SignInThrottle</c>).
/// </summary>
internal static class SignInRateLimiting
{
    public const string PolicyName = "sign-in";
    public const string AuthorizePolicy = "authorize";

    public static void AddSignInRateLimiting(this WebApplicationBuilder builder, ProviderOptions options) =>
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            // Showing a form costs nothing: only its POSTs count.
            limiter.AddPolicy(PolicyName, context => !HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("reads")
                : PerAddress(context, options.SignInRequestsPerMinute));
            limiter.AddPolicy(AuthorizePolicy, context => PerAddress(context, options.AuthorizeRequestsPerMinute));
        });

    /// <summary>Behind a load balancer the forwarded-headers middleware makes the address the caller's.</summary>
    private static RateLimitPartition<string> PerAddress(HttpContext context, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(ClientAddress.KeyOf(context.Connection.RemoteIpAddress),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
