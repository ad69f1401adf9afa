using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Publishing;
using Platform.Manifest;
using Platform.Hosting.Publishing;
using Platform.Manifest.Conventions;

namespace Platform.Hosting.PostgreSQL;

/// <summary>
/// PostgreSQL in the manifest, exactly as Aspire's PostgreSQL integration writes it: the server a <c>container.v0</c> of
/// the official image, a database (and a login to one) a <c>value.v0</c>. A read replica is a <c>container.v0</c> of the same image whose
/// entrypoint clones its primary with <c>pg_basebackup -R</c> on first start and then runs as a hot standby, so any
/// container deployment runs it faithfully; <c>POSTGRES_PRIMARY_HOST</c> names its primary, which is how a cloud
/// deployment recognises it and makes it a managed read replica instead.
/// </summary>
internal static class PostgresManifest
{
    /// <summary>The image Aspire.Hosting.PostgreSQL 13.6.5 publishes.</summary>
    public const string Image = "docker.io/library/postgres:18.3";

    private const string StandbyScript =
        "if [ ! -s \"$PGDATA/PG_VERSION\" ]; then " +
        "mkdir -p \"$PGDATA\" && chown postgres \"$PGDATA\" && chmod 700 \"$PGDATA\"; " +
        "until PGPASSWORD=\"$POSTGRES_PASSWORD\" gosu postgres pg_basebackup --host=\"$POSTGRES_PRIMARY_HOST\" --port=\"$POSTGRES_PRIMARY_PORT\" " +
        "--username=postgres --pgdata=\"$PGDATA\" --write-recovery-conf --wal-method=stream --checkpoint=fast; " +
        "do rm -rf \"$PGDATA\"/*; sleep 2; done; fi; " +
        "exec gosu postgres postgres -c hot_standby=on -c hot_standby_feedback=on";

    public static Task WriteServerAsync(ManifestPublishingContext context, PostgresServerResource server)
    {
        if (server is PostgresReplicaResource replica)
        {
            var primary = replica.Primary.PrimaryEndpoint;
            ContainerManifestEntry.Write(context, server, Image, new Dictionary<string, string>
            {
                [PostgresContainer.Password] = server.Password.ValueExpression,
                [PostgresContainer.PrimaryHost] = primary.Property(EndpointProperty.Host).ValueExpression,
                [PostgresContainer.PrimaryPort] = primary.Property(EndpointProperty.Port).ValueExpression,
            }, entrypoint: "/bin/sh", args: ["-c", StandbyScript]);
        }
        else
        {
            ContainerManifestEntry.Write(context, server, Image, new Dictionary<string, string>
            {
                ["POSTGRES_HOST_AUTH_METHOD"] = "scram-sha-256",
                ["POSTGRES_INITDB_ARGS"] = "--auth-host=scram-sha-256 --auth-local=scram-sha-256",
                [PostgresContainer.User] = PostgresServerResource.UserName,
                [PostgresContainer.Password] = server.Password.ValueExpression,
            });
        }
        return Task.CompletedTask;
    }

    /// <summary>A database, or a login to one: a <c>value.v0</c> of its connection string.</summary>
    public static Task WriteConnectionStringAsync(ManifestPublishingContext context, IResourceWithConnectionString resource)
    {
        context.Writer.WriteString("type", ManifestTypes.Value);
        context.WriteConnectionString(resource);
        return Task.CompletedTask;
    }
}
