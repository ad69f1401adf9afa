using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenIddict.Abstractions;
using Platform.Api.Contracts.Authorization;
using Platform.Identity.Data;
using Platform.Npgsql;

namespace Platform.Identity.Setup;

/// <summary>
/// The one-shot step before the provider starts (<c>Platform.Identity setup</c>, run by the AppHost as
/// <c>identity-setup</c>): creates the database if the server lacks it (as on a new RDS instance), applies the EF Core
/// migrations, creates the identity service's own database role, and makes sure the roles, the first admin, the api's
/// scopes and the clients exist as the parameters say. Every part is idempotent: it runs at every start.
/// </summary>
public static class IdentitySetup
{
    public const string Command = "setup";

    public static bool IsRequested(string[] args) => args is [Command];

    public static async Task<int> RunAsync(IServiceProvider services)
    {
        SetupOptions setup;
        try
        {
            setup = services.GetRequiredService<IOptions<SetupOptions>>().Value;
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync($"error: invalid setup settings: {string.Join(" ", e.Failures)}");
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UsersDbContext>();
        await CreateDatabaseIfMissingAsync(db.Database.GetConnectionString()!);
        await db.Database.MigrateAsync();
        await GrantServiceRolesAsync(db.Database.GetConnectionString()!);
        await EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        var admin = await FirstAdmin.EnsureAsync(scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>(), setup);
        if (admin is not null)
        {
            await Console.Error.WriteLineAsync($"error: the first admin could not be set up: {admin}");
            return 1;
        }
        await EnsureScopesAsync(scope.ServiceProvider.GetRequiredService<IOpenIddictScopeManager>());
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await UpsertAsync(applications, IdentityClients.WebDescriptor(setup));
        await UpsertAsync(applications, IdentityClients.CliDescriptor(setup));
        Console.WriteLine($"Identity is set up: admin {setup.AdminEmail}, clients {setup.WebClientId} and {IdentityClients.Cli}.");
        return 0;
    }

    private static async Task CreateDatabaseIfMissingAsync(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var server = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = target.Database } } };
        if (await exists.ExecuteScalarAsync() is null)
        {
            // A name cannot be a parameter; quote it as an identifier.
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database!.Replace("\"", "\"\"")}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
    }

    /// <summary>
    /// Creates the identity service's role (its login, the other connection string this step is given, see
    /// <see cref="PostgresLogins"/>) and lets it read and write this database's tables and nothing else: it owns none,
    /// so it cannot change the schema, and no other role may connect here.
    /// </summary>
    private static async Task GrantServiceRolesAsync(string connectionString)
    {
        var logins = PostgresLogins.FromEnvironment(ApplicationServices.ConnectionName);
        await using var master = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await master.OpenAsync();
        await PostgresLogins.EnsureAsync(master, logins);
        var quote = new NpgsqlCommandBuilder();
        var database = quote.QuoteIdentifier(master.Database);
        var grants = new List<string> { $"REVOKE ALL ON DATABASE {database} FROM PUBLIC", "REVOKE ALL ON SCHEMA public FROM PUBLIC" };
        foreach (var role in logins.Select(l => quote.QuoteIdentifier(l.Username!)))
        {
            grants.Add($"GRANT CONNECT ON DATABASE {database} TO {role}");
            grants.Add($"GRANT USAGE ON SCHEMA public TO {role}");
            grants.Add($"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}");
            grants.Add($"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}");
        }
        await using var grant = new NpgsqlCommand(string.Join(";\n", grants), master);
        await grant.ExecuteNonQueryAsync();
    }

    private static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All.Where(r => !roles.Roles.Any(existing => existing.Name == r)))
        {
            await roles.CreateAsync(new IdentityRole(role));
        }
    }

    private static async Task EnsureScopesAsync(IOpenIddictScopeManager scopes)
    {
        foreach (var name in ApiScopes.All)
        {
            var descriptor = new OpenIddictScopeDescriptor { Name = name, Resources = { ApiScopes.Audience } };
            if (await scopes.FindByNameAsync(name) is { } existing)
            {
                await scopes.UpdateAsync(existing, descriptor);
            }
            else
            {
                await scopes.CreateAsync(descriptor);
            }
        }
    }

    private static async Task UpsertAsync(IOpenIddictApplicationManager applications, OpenIddictApplicationDescriptor descriptor)
    {
        if (await applications.FindByClientIdAsync(descriptor.ClientId!) is { } existing)
        {
            await applications.UpdateAsync(existing, descriptor);
        }
        else
        {
            await applications.CreateAsync(descriptor);
        }
    }
}
