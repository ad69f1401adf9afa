using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.Api.Authorization;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Api;

/// <summary>The api's memory of bearer tokens the JWT handler has validated, on a clock the test moves.</summary>
[Trait("Tier", "Fast")]
public sealed class ValidatedTokensTests
{
    private readonly TestClock _clock = new();
    private readonly ValidatedTokens _tokens;

    public ValidatedTokensTests()
    {
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));
        _tokens = new ValidatedTokens(_clock);
    }

    [Fact]
    public async Task A_validated_token_names_its_caller_and_scopes_until_it_expires()
    {
        var expires = _clock.GetUtcNow().AddMinutes(5);
        var token = Token(expires);
        await RememberAsync(token, new Claim("sub", "alice"), new Claim("scope", "assets.read assets.write"));

        var known = _tokens.Recall($"Bearer {token}");
        Assert.NotNull(known);
        Assert.Equal("alice", known.Caller.Subject);
        Assert.False(known.Caller.IsAdmin);
        Assert.True(known.Caller.HasScope("assets.read"));
        Assert.True(known.Caller.HasScope("assets.write"));
        Assert.False(known.Caller.HasScope("assets"));
        Assert.Same(known, _tokens.Recall($"bearer  {token} "));

        _clock.SetUtcNow(expires);
        Assert.Null(_tokens.Recall($"Bearer {token}"));
    }

    [Fact]
    public async Task Only_a_remembered_token_in_one_bearer_header_is_recalled()
    {
        var token = Token(_clock.GetUtcNow().AddMinutes(5));
        await RememberAsync(token, new Claim("sub", "alice"), new Claim("scope", "assets.read"), new Claim("role", "admin"));

        Assert.True(_tokens.Recall($"Bearer {token}")!.Caller.IsAdmin);
        Assert.Null(_tokens.Recall(default));
        Assert.Null(_tokens.Recall($"Basic {token}"));
        Assert.Null(_tokens.Recall($"Bearer {Token(_clock.GetUtcNow().AddMinutes(5), "another")}"));
        Assert.Null(_tokens.Recall(new(["Bearer " + token, "Bearer " + token])));
    }

    [Fact]
    public async Task A_token_that_names_nobody_is_not_remembered()
    {
        var token = Token(_clock.GetUtcNow().AddMinutes(5));
        await RememberAsync(token, new Claim("scope", "assets.read"));

        Assert.Null(_tokens.Recall($"Bearer {token}"));
    }

    [Fact]
    public async Task A_long_lived_token_is_remembered_for_the_maximum_age_only_and_every_token_is_forgotten_at_once()
    {
        var longLived = Token(_clock.GetUtcNow().AddHours(1));
        await RememberAsync(longLived, new Claim("sub", "alice"));
        _clock.Advance(ValidatedTokens.MaxAge);
        // Still valid, but validated again by the handler (which would refuse it if its key were withdrawn).
        Assert.Null(_tokens.Recall($"Bearer {longLived}"));

        var other = Token(_clock.GetUtcNow().AddHours(1), "other");
        await RememberAsync(other, new Claim("sub", "bob"));
        Assert.NotNull(_tokens.Recall($"Bearer {other}"));
        _tokens.ForgetAll();
        Assert.Null(_tokens.Recall($"Bearer {other}"));
    }

    private static string Token(DateTimeOffset expires, string id = "token") => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Claims = new Dictionary<string, object> { ["jti"] = id },
        IssuedAt = expires.AddHours(-1).UtcDateTime,
        NotBefore = expires.AddHours(-1).UtcDateTime,
        Expires = expires.UtcDateTime,
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(new byte[32]), SecurityAlgorithms.HmacSha256),
    });

    /// <summary>A token valid for an hour, remembered in <paramref name="tokens"/> as naming <c>alice</c>.</summary>
    internal static async Task<string> RememberedTokenAsync(ValidatedTokens tokens, TimeProvider clock)
    {
        var token = Token(clock.GetUtcNow().AddHours(1));
        await RememberAsync(tokens, token, new Claim("sub", "alice"));
        return token;
    }

    /// <summary>What the JWT handler's TokenValidated event hands over once it has validated <paramref name="token"/>.</summary>
    private Task RememberAsync(string token, params Claim[] claims) => RememberAsync(_tokens, token, claims);

    private static Task RememberAsync(ValidatedTokens tokens, string token, params Claim[] claims)
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddSingleton(tokens).BuildServiceProvider() };
        var scheme = new AuthenticationScheme(JwtBearerDefaults.AuthenticationScheme, null, typeof(JwtBearerHandler));
        return ValidatedTokens.Remember(new TokenValidatedContext(http, scheme, new JwtBearerOptions())
        {
            Principal = new ClaimsPrincipal(new ClaimsIdentity(claims, "Bearer")),
            SecurityToken = new JsonWebToken(token),
        });
    }
}
