using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Identity.Data;
using Platform.Identity.RateLimiting;

namespace Platform.Identity.Account;

/// <summary>
/// Progressive delay instead of lockout: failed sign-ins are counted per account and per client address, and past a few
/// free ones each failure makes the next attempt under that key wait, doubling up to a longest wait. Nothing is locked,
/// so the owner signs in once the wait is over and keeps their live sessions meanwhile. The account key is the e-mail as
/// typed (normalized), whether an account has it or not, so that waits say nothing about which accounts exist. Kept in
/// the identity database, so that every replica counts the same failures.
/// </summary>
public sealed class SignInThrottle(UsersDbContext db, ILookupNormalizer normalizer, IOptions<SignInThrottleOptions> options, TimeProvider time)
{
    private SignInThrottleOptions Options => options.Value;

    /// <summary>How long this attempt must wait still; zero when it may go on.</summary>
    public async Task<TimeSpan> WaitAsync(string email, IPAddress? address, CancellationToken cancellationToken)
    {
        var (account, client) = Keys(email, address);
        var rows = await db.SignInFailures.AsNoTracking().Where(f => f.Key == account || f.Key == client).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return rows.Select(row => Remaining(row, row.Key == account ? Options.AccountFreeFailures : Options.AddressFreeFailures, now))
            .DefaultIfEmpty(TimeSpan.Zero).Max();
    }

    public async Task RecordFailureAsync(string email, IPAddress? address, CancellationToken cancellationToken)
    {
        var (account, client) = Keys(email, address);
        var now = time.GetUtcNow();
        var forgetBefore = now.AddHours(-Options.ForgetAfterHours);
        foreach (var key in new[] { account, client })
        {
            // One statement, so that concurrent failures under one key all count.
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "SignInFailures" ("Key", "Count", "LastFailureAt") VALUES ({key}, 1, {now})
                ON CONFLICT ("Key") DO UPDATE SET
                    "Count" = CASE WHEN "SignInFailures"."LastFailureAt" < {forgetBefore} THEN 1 ELSE "SignInFailures"."Count" + 1 END,
                    "LastFailureAt" = {now}
                """, cancellationToken);
        }
    }

    /// <summary>The account's count starts again; the address's does not (an attacker may own one account too).</summary>
    public Task RecordSuccessAsync(string email, CancellationToken cancellationToken)
    {
        var account = AccountKey(email);
        return db.SignInFailures.Where(f => f.Key == account).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The wait after <paramref name="failures"/> failures: none for the free ones, then the first wait,
    /// doubling with each further failure, up to the longest.</summary>
    public static TimeSpan WaitAfter(int failures, int freeFailures, SignInThrottleOptions options)
    {
        if (failures <= freeFailures)
        {
            return TimeSpan.Zero;
        }
        var doublings = Math.Min(failures - freeFailures - 1, 30);
        return TimeSpan.FromSeconds(Math.Min((double)options.FirstWaitSeconds * (1L << doublings), options.LongestWaitSeconds));
    }

    private TimeSpan Remaining(SignInFailures row, int freeFailures, DateTimeOffset now)
    {
        if (row.LastFailureAt < now.AddHours(-Options.ForgetAfterHours))
        {
            return TimeSpan.Zero;
        }
        var until = row.LastFailureAt + WaitAfter(row.Count, freeFailures, Options);
        return until > now ? until - now : TimeSpan.Zero;
    }

    private (string Account, string Client) Keys(string email, IPAddress? address) => (AccountKey(email), $"address:{ClientAddress.KeyOf(address)}");

    private string AccountKey(string email) => $"account:{normalizer.NormalizeEmail(email.Trim())}";
}
