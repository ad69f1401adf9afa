using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Platform.Api.Contracts.Authorization;

namespace Platform.Identity.Setup;

/// <summary>
/// The first admin, as the parameters name it (<c>identity-admin-email</c>, <c>identity-admin-password</c>). The setup
/// step creates that account only while the address is free, and marks it as its own; afterwards it keeps only its own
/// account's password and roles in line with the parameters. An account someone registered with that address is never
/// promoted: whoever registers the address first must not become an admin.
/// </summary>
internal static class FirstAdmin
{
    /// <summary>A user claim on the account the setup step created (kept in the user store, never put in a token).</summary>
    public const string CreatedBySetupClaim = "platform:created-by-setup";

    /// <summary>Returns why the admin could not be set up, or null when it is.</summary>
    public static async Task<string?> EnsureAsync(UserManager<IdentityUser> users, SetupOptions setup)
    {
        var admin = await users.FindByEmailAsync(setup.AdminEmail);
        if (admin is null)
        {
            admin = new IdentityUser { UserName = setup.AdminEmail, Email = setup.AdminEmail, EmailConfirmed = true };
            var created = await users.CreateAsync(admin, setup.AdminPassword);
            if (created.Succeeded)
            {
                created = await users.AddClaimAsync(admin, new Claim(CreatedBySetupClaim, "true"));
            }
            if (!created.Succeeded)
            {
                return Describe(created);
            }
        }
        else if (!(await users.GetClaimsAsync(admin)).Any(c => c.Type == CreatedBySetupClaim))
        {
            if (await users.IsInRoleAsync(admin, Roles.Admin))
            {
                // Made by a setup step from before the mark: already an admin, so marking it promotes nobody.
                await users.AddClaimAsync(admin, new Claim(CreatedBySetupClaim, "true"));
                return await EnsureAsync(users, setup);
            }
            return $"the address {setup.AdminEmail} (identity-admin-email) belongs to an account that someone registered, not to one " +
                "this step created, so it is not made an admin. Set identity-admin-email to an address no account has, or delete that account first.";
        }
        else if (!await users.CheckPasswordAsync(admin, setup.AdminPassword))
        {
            var reset = await users.ResetPasswordAsync(admin, await users.GeneratePasswordResetTokenAsync(admin), setup.AdminPassword);
            if (!reset.Succeeded)
            {
                return Describe(reset);
            }
        }
        foreach (var role in new[] { Roles.Admin, Roles.User })
        {
            if (!await users.IsInRoleAsync(admin, role))
            {
                await users.AddToRoleAsync(admin, role);
            }
        }
        return null;
    }

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
