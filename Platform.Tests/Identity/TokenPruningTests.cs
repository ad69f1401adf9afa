using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using Platform.Identity.Account;
using Platform.Identity.Data;
using Platform.Identity.Pruning;
using Platform.Tests.Graph;
using Platform.Tests.Infrastructure;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Tests.Identity;

/// <summary>OpenIddict's spent tokens and the throttle's lapsed counts are removed by the provider's pruning pass, live tokens kept.</summary>
[Collection("graph")]
public sealed class TokenPruningTests(GraphFixture fixture)
{
    [Fact]
    public async Task A_pass_removes_a_redeemed_code_older_than_the_setting_and_a_lapsed_throttle_count_and_keeps_the_live_refresh_token()
    {
        var email = await IdentityFlows.RegisterAsync(fixture.App);
        await IdentityFlows.UserTokensAsync(fixture.App, email);
        await using var identity = await IdentityInProcess.BuildAsync(fixture);
        var subject = (await identity.Services.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync(email))!.Id;
        // A throttle count as failed sign-ins leave it, its last failure a day and a minute before the pass.
        var lapsedKey = $"address:test-{Guid.NewGuid():N}";
        await using (var scope = identity.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UsersDbContext>();
            db.SignInFailures.Add(new SignInFailures { Key = lapsedKey, Count = 3, LastFailureAt = DateTimeOffset.UtcNow.AddDays(new PruningOptions().KeepDays + 1).AddHours(-new SignInThrottleOptions().ForgetAfterHours).AddMinutes(-1) });
            await db.SaveChangesAsync();
        }
        Assert.Contains(await StatusesAsync(identity.Services, subject), t => IsCode(t.Type) && t.Status == Statuses.Redeemed);

        // The pass as the service runs it, on a clock past the days a spent token is kept.
        var options = new PruningOptions();
        var clock = new TestClock();
        clock.SetUtcNow(DateTimeOffset.UtcNow.AddDays(options.KeepDays + 1));
        await new TokenPruning(identity.Services.GetRequiredService<IServiceScopeFactory>(), Options.Create(options), clock, NullLogger<TokenPruning>.Instance)
            .PruneOnceAsync(CancellationToken.None);

        var left = await StatusesAsync(identity.Services, subject);
        Assert.DoesNotContain(left, t => IsCode(t.Type));
        Assert.Contains(left, t => t.Type?.EndsWith(TokenTypeHints.RefreshToken, StringComparison.Ordinal) == true && t.Status == Statuses.Valid);
        await using (var scope = identity.Services.CreateAsyncScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<UsersDbContext>().SignInFailures.AnyAsync(f => f.Key == lapsedKey));
        }
    }

    /// <summary>OpenIddict stores a code's type as <c>authorization_code</c> or, since 5.0, as a URN ending with it.</summary>
    private static bool IsCode(string? type) => type?.EndsWith(GrantTypes.AuthorizationCode, StringComparison.Ordinal) == true;

    private static async Task<List<(string? Type, string? Status)>> StatusesAsync(IServiceProvider services, string subject)
    {
        await using var scope = services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
        var found = new List<(string?, string?)>();
        await foreach (var token in tokens.FindBySubjectAsync(subject))
        {
            found.Add((await tokens.GetTypeAsync(token), await tokens.GetStatusAsync(token)));
        }
        return found;
    }
}
