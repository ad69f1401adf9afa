using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Api.Authorization;

/// <summary>
/// Validates a bearer token once, then remembers the result until the token expires: a client sends the same token
/// with every request, and checking its signature each time (an ECDSA verification) would cost more than the cached
/// read it guards. Only successes are kept, each no longer than its own expiry, and never more than
/// <see cref="Capacity"/> at once. Lifetime is checked again at every use.
/// </summary>
internal sealed class CachingTokenHandler(TimeProvider time) : JsonWebTokenHandler
{
    private const int Capacity = 10_000;
    private readonly ConcurrentDictionary<string, TokenValidationResult> _valid = new(StringComparer.Ordinal);
    // Counted here: ConcurrentDictionary.Count takes every lock of the dictionary.
    private int _count;

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (_valid.TryGetValue(token, out var known))
        {
            if (known.SecurityToken.ValidTo > now)
            {
                return known;
            }
            _valid.TryRemove(token, out _);
        }
        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && _valid.TryAdd(token, result) && Interlocked.Increment(ref _count) > Capacity)
        {
            _valid.Clear();
            Interlocked.Exchange(ref _count, 0);
        }
        return result;
    }
}
