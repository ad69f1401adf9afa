using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Platform.Api.Authorization;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Api;

/// <summary>The api forgets the tokens it remembers when the provider's key set changes, and only then.</summary>
[Trait("Tier", "Fast")]
public sealed class KeySetWatchTests
{
    [Fact]
    public async Task A_changed_key_set_makes_the_api_validate_every_remembered_token_again()
    {
        var clock = new TestClock();
        var tokens = new ValidatedTokens(clock);
        var provider = new KeySetOf("key-1");
        var watch = new KeySetWatch(new BearerOptions(provider), tokens, clock, NullLogger<KeySetWatch>.Instance);
        await watch.CheckAsync(CancellationToken.None);
        var remembered = await ValidatedTokensTests.RememberedTokenAsync(tokens, clock);

        // The same keys: nothing forgotten.
        await watch.CheckAsync(CancellationToken.None);
        Assert.NotNull(tokens.Recall($"Bearer {remembered}"));

        // key-1 withdrawn (after a leak, say): whatever it vouched for is validated again.
        provider.KeyIds = ["key-2"];
        await watch.CheckAsync(CancellationToken.None);
        Assert.Null(tokens.Recall($"Bearer {remembered}"));
    }

    private sealed class KeySetOf(params string[] keyIds) : IConfigurationManager<OpenIdConnectConfiguration>
    {
        public string[] KeyIds { get; set; } = keyIds;

        public Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
        {
            var configuration = new OpenIdConnectConfiguration();
            foreach (var id in KeyIds)
            {
                configuration.SigningKeys.Add(new SymmetricSecurityKey(new byte[32]) { KeyId = id });
            }
            return Task.FromResult(configuration);
        }

        public void RequestRefresh()
        {
        }
    }

    private sealed class BearerOptions(IConfigurationManager<OpenIdConnectConfiguration> keys) : IOptionsMonitor<JwtBearerOptions>
    {
        public JwtBearerOptions CurrentValue => Get(JwtBearerDefaults.AuthenticationScheme);

        public JwtBearerOptions Get(string? name) => new() { ConfigurationManager = keys };

        public IDisposable? OnChange(Action<JwtBearerOptions, string?> listener) => null;
    }
}
