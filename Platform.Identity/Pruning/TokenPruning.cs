using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using Platform.Identity.Account;
using Platform.Identity.Data;

namespace Platform.Identity.Pruning;

/// <summary>
/// Removes, on a schedule, what OpenIddict keeps of tokens and authorizations that can no longer be used (expired,
/// redeemed, revoked) once they are older than <see cref="PruningOptions.KeepDays"/>: its tables otherwise grow with
/// every sign-in and refresh, forever. The same pass removes the sign-in throttle's and the mail budget's counts that
/// have lapsed (<see cref="SignInThrottleOptions.ForgetAfterHours"/>). Every replica prunes; a second pass finds nothing to do.
/// </summary>
internal sealed class TokenPruning(IServiceScopeFactory scopes, IOptions<PruningOptions> options, TimeProvider time, ILogger<TokenPruning> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.IntervalMinutes), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PruneOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database away for a while: the next pass catches up.
                logger.LogWarning(e, "Pruning OpenIddict's tokens and authorizations failed; the next pass tries again");
            }
        }
    }

    /// <summary>One pass: the tokens first, then the authorizations left with no valid token, then the lapsed counts.</summary>
    public async Task PruneOnceAsync(CancellationToken cancellationToken)
    {
        var threshold = time.GetUtcNow().AddDays(-options.Value.KeepDays);
        await using var scope = scopes.CreateAsyncScope();
        var tokens = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, cancellationToken);
        var authorizations = await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, cancellationToken);
        var lapsed = time.GetUtcNow().AddHours(-scope.ServiceProvider.GetRequiredService<IOptions<SignInThrottleOptions>>().Value.ForgetAfterHours);
        var counts = await scope.ServiceProvider.GetRequiredService<UsersDbContext>().SignInFailures
            .Where(f => f.LastFailureAt < lapsed).ExecuteDeleteAsync(cancellationToken);
        logger.LogInformation("Pruned {Tokens} tokens and {Authorizations} authorizations older than {Threshold:u}, and {Counts} lapsed counts",
            tokens, authorizations, threshold, counts);
    }
}
