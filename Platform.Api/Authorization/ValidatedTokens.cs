using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Platform.Api.Authorization;

/// <summary>
/// Bearer tokens already validated, with the caller they name, until each expires: a client sends the same token with
/// every request, and validating it each time (the handler's per-request setup and an ECDSA verification) costs more
/// than the cached read it guards. A known token skips the JWT handler entirely (<see cref="Recall"/>, by
/// <see cref="BearerAuthentication"/>); a token is remembered only once the handler has validated it
/// (<see cref="Remember"/>). Never more than <see cref="Capacity"/> at once; the lifetime is checked again at every use.
/// A token is remembered for <see cref="MaxAge"/> at most, however long it lives, and every token is forgotten when the
/// provider's key set changes (<see cref="KeySetWatch"/>): a key withdrawn after a leak stops vouching for its tokens
/// within minutes, not when they expire.
/// </summary>
internal sealed class ValidatedTokens
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(3);

    private const int Capacity = 10_000;
    private const string Scheme = "Bearer ";
    private readonly ConcurrentDictionary<string, ValidatedToken> _tokens = new(StringComparer.Ordinal);
    // Looked up by the header's characters, without copying the token (about 600 characters) out of it on every request.
    private readonly ConcurrentDictionary<string, ValidatedToken>.AlternateLookup<ReadOnlySpan<char>> _byCharacters;
    // Counted here: ConcurrentDictionary.Count takes every lock of the dictionary.
    private int _count;
    private readonly TimeProvider _time;

    public ValidatedTokens(TimeProvider time)
    {
        _time = time;
        _byCharacters = _tokens.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The token an <c>Authorization</c> header carries, if it was validated before and has not expired.</summary>
    public ValidatedToken? Recall(StringValues authorization)
    {
        var header = authorization.Count == 1 ? authorization[0] : null;
        if (header is null || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var token = header.AsSpan(Scheme.Length).Trim();
        if (!_byCharacters.TryGetValue(token, out var known))
        {
            return null;
        }
        if (known.RecallUntil <= _time.GetUtcNow().UtcDateTime)
        {
            _byCharacters.TryRemove(token, out _, out _);
            return null;
        }
        return known;
    }

    public static Task Remember(TokenValidatedContext context)
    {
        if (context is { SecurityToken: JsonWebToken token, Principal: { } principal } && Caller.From(principal) is { } caller)
        {
            var tokens = context.HttpContext.RequestServices.GetRequiredService<ValidatedTokens>();
            var rememberedUntil = tokens._time.GetUtcNow().UtcDateTime + MaxAge;
            tokens.Add(token.EncodedToken, new ValidatedToken(principal, caller, token.ValidTo < rememberedUntil ? token.ValidTo : rememberedUntil));
        }
        return Task.CompletedTask;
    }

    /// <summary>Every token is validated again at its next use.</summary>
    public void ForgetAll()
    {
        _tokens.Clear();
        Interlocked.Exchange(ref _count, 0);
    }

    private void Add(string token, ValidatedToken validated)
    {
        if (_tokens.TryAdd(token, validated) && Interlocked.Increment(ref _count) > Capacity)
        {
            ForgetAll();
        }
    }
}
