using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Platform.Identity.Data;

/// <summary>
/// The identity database (<c>identitydb</c>): ASP.NET Core Identity's users and roles, OpenIddict's applications,
/// scopes, authorizations and tokens, and the data protection keys every replica shares (cookies and antiforgery
/// tokens made by one replica are read by another), and the failed sign-ins that slow down the next ones.
/// </summary>
public sealed class UsersDbContext(DbContextOptions<UsersDbContext> options) : IdentityDbContext<IdentityUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<SignInFailures> SignInFailures => Set<SignInFailures>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<SignInFailures>(failures =>
        {
            failures.HasKey(f => f.Key);
            failures.Property(f => f.Key).HasMaxLength(300);
        });
    }
}
