using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Platform.Identity.RateLimiting;

/// <summary>
/// Limits token requests per authenticated caller, after OpenIddict has authenticated the client and validated the grant:
/// a person's codes and refreshes count against that client and that person, a client's own tokens against the client.
/// So every person whose browser goes through web (one address, one client) has a bucket of their own, and one account
/// looping through sign-in uses up only its own. Per-address limits would make all of web's users one bucket.
/// </summary>
internal sealed class TokenRequestLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public TokenRequestLimiter(IOptions<ProviderOptions> options)
    {
        var (perPerson, perClient) = (options.Value.TokenRequestsPerMinute, options.Value.ClientTokenRequestsPerMinute);
        _limiter = PartitionedRateLimiter.Create<string, string>(caller => RateLimitPartition.GetFixedWindowLimiter(caller,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = caller.Contains(":sub:", StringComparison.Ordinal) ? perPerson : perClient, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    /// <summary>The caller's bucket: the client, and the person the grant was issued to, if any.</summary>
    public static string CallerOf(string clientId, string? subject) => subject is null ? $"client:{clientId}" : $"client:{clientId}:sub:{subject}";

    /// <summary>Null when the request may go on; otherwise how long the caller should wait.</summary>
    public TimeSpan? TryAcquire(string caller)
    {
        using var lease = _limiter.AttemptAcquire(caller);
        return lease.IsAcquired ? null
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => _limiter.Dispose();
}
