using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Identity.Data;
using Platform.Identity.Mail;

namespace Platform.Identity.Account;

/// <summary>
/// How many account mails one address may receive in an hour (<see cref="MailOptions.MailsPerAddressPerHour"/>),
/// whoever asks for them: the forms that send mail answer anyone, so without a budget a stranger could bury a person's
/// inbox under resets and "you already have an account". Counted per normalized address in the identity database, in
/// the table of the sign-in throttle's counts (key <c>mail:{address}</c>), so that every replica counts the same mails.
/// </summary>
public sealed class MailBudget(UsersDbContext db, ILookupNormalizer normalizer, IOptions<MailOptions> options, TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>Counts one mail to <paramref name="address"/>; false when the hour's budget is spent (nothing to send).</summary>
    public async Task<bool> TrySpendAsync(string address, CancellationToken cancellationToken)
    {
        var key = $"mail:{normalizer.NormalizeEmail(address.Trim())}";
        var now = time.GetUtcNow();
        var windowStart = now - Window;
        // One statement, so that concurrent requests all count. The row's time is the start of its window.
        var counts = await db.Database.SqlQuery<int>($"""
            INSERT INTO "SignInFailures" ("Key", "Count", "LastFailureAt") VALUES ({key}, 1, {now})
            ON CONFLICT ("Key") DO UPDATE SET
                "Count" = CASE WHEN "SignInFailures"."LastFailureAt" < {windowStart} THEN 1 ELSE "SignInFailures"."Count" + 1 END,
                "LastFailureAt" = CASE WHEN "SignInFailures"."LastFailureAt" < {windowStart} THEN {now} ELSE "SignInFailures"."LastFailureAt" END
            RETURNING "Count" AS "Value"
            """).ToListAsync(cancellationToken);
        return counts.Single() <= options.Value.MailsPerAddressPerHour;
    }
}
