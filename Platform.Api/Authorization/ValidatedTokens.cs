using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Platform.Api.Authorization;

/// <summary>
/// Bearer tokens already validated, with the caller they name, until each expires: a client sends the same token with
/// every request, and validating it each time (the handler's per-request setup and an ECDSA verification) costs more
/// than the cached read it guards. A known token skips the JWT handler entirely (<see cref="Recall"/>, when the message
/// is received); a token is remembered only once the handler has validated it (<see cref="Remember"/>). Never more
/// than <see cref="Capacity"/> at once; the lifetime is checked again at every use.
/// </summary>
internal sealed class ValidatedTokens
{
    private const int Capacity = 10_000;
    private const string Scheme = "Bearer ";
    private readonly ConcurrentDictionary<string, (ClaimsPrincipal Caller, DateTime ValidTo)> _tokens = new(StringComparer.Ordinal);
    // Looked up by the header's characters, without copying the token (about 1 KB) out of it on every request.
    private readonly ConcurrentDictionary<string, (ClaimsPrincipal Caller, DateTime ValidTo)>.AlternateLookup<ReadOnlySpan<char>> _byCharacters;
    // Counted here: ConcurrentDictionary.Count takes every lock of the dictionary.
    private int _count;
    private readonly TimeProvider _time;

    public ValidatedTokens(TimeProvider time)
    {
        _time = time;
        _byCharacters = _tokens.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static Task Recall(MessageReceivedContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            && context.HttpContext.RequestServices.GetRequiredService<ValidatedTokens>().TryGet(header.AsSpan(Scheme.Length).Trim(), out var caller))
        {
            context.Principal = caller;
            context.Success();
        }
        return Task.CompletedTask;
    }

    public static Task Remember(TokenValidatedContext context)
    {
        if (context is { SecurityToken: JsonWebToken token, Principal: { } caller })
        {
            context.HttpContext.RequestServices.GetRequiredService<ValidatedTokens>().Add(token.EncodedToken, caller, token.ValidTo);
        }
        return Task.CompletedTask;
    }

    private bool TryGet(ReadOnlySpan<char> token, out ClaimsPrincipal caller)
    {
        caller = null!;
        if (!_byCharacters.TryGetValue(token, out var known))
        {
            return false;
        }
        if (known.ValidTo <= _time.GetUtcNow().UtcDateTime)
        {
            _byCharacters.TryRemove(token, out _, out _);
            return false;
        }
        caller = known.Caller;
        return true;
    }

    private void Add(string token, ClaimsPrincipal caller, DateTime validTo)
    {
        if (_tokens.TryAdd(token, (caller, validTo)) && Interlocked.Increment(ref _count) > Capacity)
        {
            _tokens.Clear();
            Interlocked.Exchange(ref _count, 0);
        }
    }
}
