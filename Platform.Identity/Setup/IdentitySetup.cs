using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenIddict.Abstractions;
using Platform.Api.Contracts.Authorization;
using Platform.Identity.Data;

namespace Platform.Identity.Setup;

/// <summary>
/// The one-shot step before the provider starts (<c>Platform.Identity setup</c>, run by the AppHost as
/// <c>identity-setup</c>): creates the database if the server lacks it (as on a new RDS instance), applies the EF Core
/// migrations, and makes sure the roles, the first admin, the api's scopes and the clients exist as the parameters say.
/// Every part is idempotent: it runs at every start.
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
