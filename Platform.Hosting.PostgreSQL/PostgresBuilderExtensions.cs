using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Orchestration;
using Platform.Hosting.Parameters;
using Platform.Hosting.Publishing;

namespace Platform.Hosting.PostgreSQL;

public static class PostgresBuilderExtensions
{
    /// <summary>Adds a PostgreSQL server with password authentication; the password is generated once unless given.</summary>
    public static IResourceBuilder<PostgresServerResource> AddPostgres(this IDistributedApplicationBuilder builder, string name,
        IResourceBuilder<ParameterResource>? password = null, int? port = null)
    {
        var passwordParameter = password?.Resource ?? builder.AddGeneratedSecret($"{name}-password").Resource;
        var server = new PostgresServerResource(name, passwordParameter);
        return builder.AddResource(server)
            .WithEndpoint(ServerEndpoint(port))
            .WithAnnotation(new LocalRunnerAnnotation(new PostgresServerRunner()))
            .WithManifestPublishingCallback(context => PostgresManifest.WriteServer(context, server));
    }

    /// <summary>
    /// Adds a streaming read replica of <paramref name="primary"/>: a hot standby made with <c>pg_basebackup -R</c>
    /// that replays the primary's WAL through a replication slot. On AWS it becomes an RDS read replica.
    /// </summary>
    public static IResourceBuilder<PostgresReplicaResource> AddReadReplica(this IResourceBuilder<PostgresServerResource> primary, string name, int? port = null)
    {
        if (primary.Resource is PostgresReplicaResource)
        {
            throw new DistributedApplicationException($"Cannot add replica '{name}' to '{primary.Resource.Name}': it is a replica itself. Add replicas to the primary.");
        }
        var replica = new PostgresReplicaResource(name, primary.Resource);
        return primary.ApplicationBuilder.AddResource(replica)
            .WithEndpoint(ServerEndpoint(port))
            .WithAnnotation(new WaitAnnotation(primary.Resource, WaitType.WaitUntilHealthy))
            .WithAnnotation(new LocalRunnerAnnotation(new PostgresServerRunner()))
            .WithManifestPublishingCallback(context => PostgresManifest.WriteReplica(context, replica));
    }

    /// <summary>
    /// Adds a database. On a primary the database is created if it does not exist; on a replica it names the
    /// read-only copy of the primary's database <paramref name="databaseName"/>, which must have been added to the primary.
    /// </summary>
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(this IResourceBuilder<PostgresServerResource> server, string name, string? databaseName = null)
    {
        var database = new PostgresDatabaseResource(name, databaseName ?? name, server.Resource);
        var builder = server.ApplicationBuilder.AddResource(database)
            .WithAnnotation(new LocalRunnerAnnotation(new PostgresDatabaseRunner()))
            .WithManifestPublishingCallback(context => PostgresManifest.WriteDatabase(context, database));
        if (server.Resource is PostgresReplicaResource replica)
        {
            var onPrimary = server.ApplicationBuilder.Resources.OfType<PostgresDatabaseResource>()
                .FirstOrDefault(d => d.Server == replica.Primary && d.DatabaseName == database.DatabaseName)
                ?? throw new DistributedApplicationException(
                    $"Replica database '{name}' reads '{database.DatabaseName}', which is not a database of '{replica.Primary.Name}'. Add it to the primary first.");
            builder.WithAnnotation(new WaitAnnotation(onPrimary, WaitType.WaitUntilHealthy));
        }
        return builder;
    }

    private static EndpointAnnotation ServerEndpoint(int? port) =>
        new(PostgresServerResource.EndpointName, "tcp", "tcp", PostgresServerResource.DefaultPort, port);
}
