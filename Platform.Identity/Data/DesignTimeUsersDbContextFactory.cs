using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Platform.Identity.Data;

/// <summary>For <c>dotnet ef migrations add</c>, which needs the model but never connects.</summary>
internal sealed class DesignTimeUsersDbContextFactory : IDesignTimeDbContextFactory<UsersDbContext>
{
    public UsersDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<UsersDbContext>().UseNpgsql("Host=localhost;Database=identitydb").UseOpenIddict().Options);
}
