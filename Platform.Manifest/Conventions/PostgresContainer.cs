namespace Platform.Manifest.Conventions;

/// <summary>
/// The environment of a PostgreSQL container in a manifest: the official image's variables, and the two this project's
/// read replica adds. The hosting integration writes them and a deployment recognises its servers and replicas by them.
/// </summary>
public static class PostgresContainer
{
    public const string User = "POSTGRES_USER";
    public const string Password = "POSTGRES_PASSWORD";
    public const string Database = "POSTGRES_DB";

    /// <summary>The official image's superuser when <see cref="User"/> is not set.</summary>
    public const string DefaultUser = "postgres";

    /// <summary>On a read replica: the host of its primary (a binding placeholder of the primary's container).</summary>
    public const string PrimaryHost = "POSTGRES_PRIMARY_HOST";

    /// <summary>On a read replica: the port of its primary.</summary>
    public const string PrimaryPort = "POSTGRES_PRIMARY_PORT";
}
