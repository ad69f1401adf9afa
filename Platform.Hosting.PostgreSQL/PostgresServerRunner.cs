using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Platform.Hosting.Orchestration;

namespace Platform.Hosting.PostgreSQL;

/// <summary>
/// Runs a PostgreSQL server natively. A primary is created with <c>initdb</c> (scram-sha-256 password auth);
/// a replica with <c>pg_basebackup -R</c> from its primary, then kept pointed at the primary's port of this run.
/// The data folder survives runs; the server, like every child, runs as the unprivileged service user when the AppHost is root.
/// </summary>
internal sealed class PostgresServerRunner : ILocalRunner
{
    public IEnumerable<NativeTool> RequiredTools => [PostgresTools.Server];

    /// <summary>
    /// A new data folder is not flushed to disk by initdb or pg_basebackup: the kernel writes it back within
    /// seconds anyway, and only a machine crash in those seconds could cost it, which --fresh recovers. Measured
    /// here: initdb 1.2 s to 1.0 s, pg_basebackup 0.6 s to 0.4 s.
    /// </summary>
    private const string NoSync = "--no-sync";

    public async Task<ProcessSpec?> PrepareAsync(LocalRunContext context, CancellationToken cancellationToken)
    {
        var server = (PostgresServerResource)context.Resource;
        var password = await server.Password.GetValueAsync(cancellationToken) ?? "";
        if (!File.Exists(Path.Combine(context.DataDirectory, "PG_VERSION")))
        {
            if (Directory.Exists(context.DataDirectory))
            {
                Directory.Delete(context.DataDirectory, recursive: true);
            }
            await context.CreateServiceDirectoryAsync(context.DataDirectory, cancellationToken);
            await (server is PostgresReplicaResource replica
                ? CloneFromPrimaryAsync(context, replica, password, cancellationToken)
                : InitializeAsync(context, password, cancellationToken));
        }
        else
        {
            // Kept data may come from a run as another user (postgres, before every child ran as one account).
            await context.CreateServiceDirectoryAsync(context.DataDirectory, cancellationToken);
        }
        if (server is PostgresReplicaResource standby)
        {
            await PointAtPrimaryAsync(context, standby, password, cancellationToken);
        }
        return new ProcessSpec(PostgresTools.Binary(context, "postgres"),
        [
            "-D", context.DataDirectory,
            "-c", "listen_addresses=localhost",
            "-c", $"port={context.PortOf(PostgresServerResource.EndpointName)}",
            "-c", "unix_socket_directories=",
            "-c", "logging_collector=off",
            "-c", "hot_standby_feedback=on",
        ])
        {
            // "Fast" shutdown: roll back open transactions, checkpoint, exit; the next start needs no recovery.
            StopSignal = Signal.Interrupt,
        };
    }

    public async Task<HealthStatus> CheckHealthAsync(LocalRunContext context, CancellationToken cancellationToken)
    {
        var server = (PostgresServerResource)context.Resource;
        await using var connection = new NpgsqlConnection(await LocalConnectionStringAsync(server, context.PortOf(PostgresServerResource.EndpointName), "postgres", cancellationToken));
        await connection.OpenAsync(cancellationToken);
        if (server is not PostgresReplicaResource)
        {
            await using var ping = new NpgsqlCommand("SELECT 1", connection);
            await ping.ExecuteScalarAsync(cancellationToken);
            return HealthStatus.Healthy;
        }
        // A standby serves reads even while cut off from its primary, but then it is only degraded.
        await using var command = new NpgsqlCommand(
            "SELECT pg_is_in_recovery(), EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE status = 'streaming')", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return !reader.GetBoolean(0) ? HealthStatus.Unhealthy
            : reader.GetBoolean(1) ? HealthStatus.Healthy
            : HealthStatus.Degraded;
    }

    /// <summary>A connection string for the AppHost's own checks: no pooling, so every check is a real connection.</summary>
    internal static async Task<string> LocalConnectionStringAsync(PostgresServerResource server, int port, string database, CancellationToken cancellationToken) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "localhost",
            Port = port,
            Username = PostgresServerResource.UserName,
            Password = await server.Password.GetValueAsync(cancellationToken),
            Database = database,
            Pooling = false,
            Timeout = 3,
        }.ConnectionString;

    private static async Task InitializeAsync(LocalRunContext context, string password, CancellationToken cancellationToken)
    {
        // initdb reads the password from a file the service user can read: a pipe from root would be refused.
        var passwordFile = context.DataDirectory + ".pwfile";
        try
        {
            await context.WritePrivateFileAsync(passwordFile, password + "\n", cancellationToken);
            await context.RunCommandAsync(new ProcessSpec(PostgresTools.Binary(context, "initdb"),
            [
                "-D", context.DataDirectory,
                "-U", PostgresServerResource.UserName,
                $"--pwfile={passwordFile}",
                "--auth=scram-sha-256",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
                NoSync,
            ]), cancellationToken);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    private static async Task CloneFromPrimaryAsync(LocalRunContext context, PostgresReplicaResource replica, string password, CancellationToken cancellationToken)
    {
        var primaryPort = replica.Primary.PrimaryEndpoint.Allocated.Port;
        await DropStaleSlotAsync(replica, primaryPort, cancellationToken);
        await context.RunCommandAsync(new ProcessSpec(PostgresTools.Binary(context, "pg_basebackup"),
        [
            "--host=localhost", $"--port={primaryPort}", $"--username={PostgresServerResource.UserName}", "--no-password",
            $"--pgdata={context.DataDirectory}", "--write-recovery-conf", "--wal-method=stream",
            "--create-slot", $"--slot={replica.SlotName}", "--checkpoint=fast", NoSync,
        ])
        {
            Environment = new Dictionary<string, string> { ["PGPASSWORD"] = password },
        }, cancellationToken);
    }

    /// <summary>A slot left by an earlier replica of the same name would make <c>--create-slot</c> fail.</summary>
    private static async Task DropStaleSlotAsync(PostgresReplicaResource replica, int primaryPort, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(await LocalConnectionStringAsync(replica.Primary, primaryPort, "postgres", cancellationToken));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1 AND NOT active", connection)
        {
            Parameters = { new() { Value = replica.SlotName } },
        };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The primary gets a new port each run: rewrite the standby's connection to it before every start. The
    /// folder belongs to the service user, so the file is never followed through a link: it is replaced by a new private
    /// file, given to that user.</summary>
    private static async Task PointAtPrimaryAsync(LocalRunContext context, PostgresReplicaResource replica, string password, CancellationToken cancellationToken)
    {
        var autoConf = Path.Combine(context.DataDirectory, "postgresql.auto.conf");
        if (new FileInfo(autoConf).LinkTarget is not null)
        {
            throw new DistributedApplicationException($"'{autoConf}' is a link; PostgreSQL writes a file there. Start with --fresh to recreate the replica.");
        }
        var quotedPassword = password.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("'", @"\'", StringComparison.Ordinal);
        var conninfo = string.Create(CultureInfo.InvariantCulture,
            $"host=localhost port={replica.Primary.PrimaryEndpoint.Allocated.Port} user={PostgresServerResource.UserName} password='{quotedPassword}' application_name={replica.SlotName}");
        var lines = (await File.ReadAllLinesAsync(autoConf, cancellationToken))
            .Where(line => !line.StartsWith("primary_conninfo", StringComparison.Ordinal) && !line.StartsWith("primary_slot_name", StringComparison.Ordinal))
            .Append($"primary_conninfo = '{conninfo.Replace("'", "''", StringComparison.Ordinal)}'")
            .Append($"primary_slot_name = '{replica.SlotName}'");
        var rewritten = autoConf + ".new";
        await context.WritePrivateFileAsync(rewritten, string.Join('\n', lines) + "\n", cancellationToken);
        File.Move(rewritten, autoConf, overwrite: true);
    }
}
