using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Platform.Api.Authorization;

namespace Platform.Api.RateLimiting;

/// <summary>Limits how often one caller may change things (uploads, jobs, deletes); reads are not limited.</summary>
internal static class MutationRateLimiting
{
    public const string PolicyName = "mutations";

    public static void AddMutationRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MutationRateLimitOptions>().BindConfiguration(MutationRateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = "Too many changes from this client; retry after the Retry-After delay." },
                });
            };
            limiter.AddPolicy(PolicyName, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<MutationRateLimitOptions>>().Value;
                var time = context.RequestServices.GetRequiredService<TimeProvider>();
                // Per caller: the token's subject, so that people behind one web task do not share a bucket; the client
                // address (behind a load balancer, the caller's, by the forwarded-headers middleware) only without one.
                var key = context.Features.Get<Caller>()?.Subject is { } subject ? $"sub:{subject}"
                    : $"ip:{context.Connection.RemoteIpAddress?.ToString() ?? "unknown"}";
                return RateLimitPartition.Get(key,
                    _ => new FixedWindowLimiter(options.PermitLimit, TimeSpan.FromSeconds(options.WindowSeconds), time));
            });
        });
    }
}

internal sealed class MutationRateLimitOptions
{
    public const string SectionName = "RateLimiting:Mutations";

    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; } = 60;

    [Range(1, 3600)]
    public int WindowSeconds { get; set; } = 10;
}
