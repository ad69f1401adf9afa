using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Platform.Npgsql;

/// <summary>
/// The services' own PostgreSQL roles, as the steps that own a database's schema (migrations, identity setup) create
/// them with the master user: every connection string a step is given besides its own database's is a login of a
/// service (the AppHost's <c>AddLogin</c>), whose role it creates if missing and whose password it sets to the login's.
/// </summary>
public static class PostgresLogins
{
    private const string ConnectionStringsPrefix = "ConnectionStrings__";
    private const int ScramIterations = 4096;

    /// <summary>The logins among this process's connection strings: every one but <paramref name="ownConnectionName"/>'s.</summary>
    public static IReadOnlyList<NpgsqlConnectionStringBuilder> FromEnvironment(string ownConnectionName) =>
        [.. Environment.GetEnvironmentVariables().Keys.OfType<string>()
            .Where(key => key.StartsWith(ConnectionStringsPrefix, StringComparison.Ordinal) && key != ConnectionStringsPrefix + ownConnectionName)
            .Order(StringComparer.Ordinal)
            .Select(key => Parse(key[ConnectionStringsPrefix.Length..], Environment.GetEnvironmentVariable(key)!))
            // Aspire gives each connection string under two names (platformdb-api and platformdb_api).
            .DistinctBy(login => login.Username)];

    /// <summary>
    /// Creates each login's role unless it exists (it may sign in, and nothing more: no superuser, no creating databases
    /// or roles) and sets its password. The server receives a SCRAM verifier computed here, never the password itself,
    /// so no statement log can show it. Privileges are the caller's to grant.
    /// </summary>
    public static async Task EnsureAsync(NpgsqlConnection master, IEnumerable<NpgsqlConnectionStringBuilder> logins, CancellationToken cancellationToken = default)
    {
        foreach (var login in logins)
        {
            var role = new NpgsqlCommandBuilder().QuoteIdentifier(login.Username!);
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_roles WHERE rolname = $1", master) { Parameters = { new() { Value = login.Username } } };
            var verb = await exists.ExecuteScalarAsync(cancellationToken) is null ? "CREATE" : "ALTER";
            // A statement cannot take the password as a parameter; a verifier is base64 and '$' only, safe in a literal.
            await using var set = new NpgsqlCommand(
                $"{verb} ROLE {role} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD '{ScramVerifier(login.Password!)}'", master);
            await set.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static NpgsqlConnectionStringBuilder Parse(string name, string connectionString)
    {
        var login = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(login.Username) || string.IsNullOrEmpty(login.Password))
        {
            throw new InvalidOperationException(
                $"Connection string '{name}' names no user or no password, so it is not a login this step can create. Give the step only its database and its services' logins (AddLogin).");
        }
        return login;
    }

    /// <summary>PostgreSQL's SCRAM-SHA-256 verifier of <paramref name="password"/> (RFC 5802, as <c>\password</c> in psql
    /// computes it); the generated passwords are ASCII letters and digits, which SASLprep leaves as they are.</summary>
    internal static string ScramVerifier(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var salted = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, ScramIterations, HashAlgorithmName.SHA256, 32);
        var storedKey = SHA256.HashData(HMACSHA256.HashData(salted, "Client Key"u8));
        var serverKey = HMACSHA256.HashData(salted, "Server Key"u8);
        return $"SCRAM-SHA-256${ScramIterations}:{Convert.ToBase64String(salt)}${Convert.ToBase64String(storedKey)}:{Convert.ToBase64String(serverKey)}";
    }
}
