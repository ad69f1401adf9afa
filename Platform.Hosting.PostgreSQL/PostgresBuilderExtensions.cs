using System.Net.Sockets;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Hosting.PostgreSQL;

namespace Aspire.Hosting;

public static class PostgresBuilderExtensions
{
    /// <summary>
    /// Adds a PostgreSQL server run natively (no container): password authentication, the password generated once
    /// unless given; data kept in the AppHost's data folder. Published as Aspire's PostgreSQL container.
    /// </summary>
    public static IResourceBuilder<PostgresServerResource> AddNativePostgres(this IDistributedApplicationBuilder builder, string name,
        IResourceBuilder<ParameterResource>? password = null)
    {
        var processes = builder.AddNativeRuntime();
        var passwordParameter = password?.Resource ?? builder.AddGeneratedSecret($"{name}-password").Resource;
        return builder.AddServer(new PostgresServerResource(name, passwordParameter, processes.Options.DataDirectoryOf(name)));
    }

    /// <summary>
    /// Adds a streaming read replica of <paramref name="primary"/>: a hot standby made with <c>pg_basebackup -R</c> that
    /// replays the primary's WAL through a replication slot. On AWS it becomes an RDS read replica.
    /// </summary>
    public static IResourceBuilder<PostgresReplicaResource> AddReadReplica(this IResourceBuilder<PostgresServerResource> primary, string name)
    {
        if (primary.Resource is PostgresReplicaResource)
        {
            throw new DistributedApplicationException($"Cannot add replica '{name}' to '{primary.Resource.Name}': it is a replica itself. Add replicas to the primary.");
        }
        var processes = primary.ApplicationBuilder.AddNativeRuntime();
        return primary.ApplicationBuilder.AddServer(new PostgresReplicaResource(name, primary.Resource, processes.Options.DataDirectoryOf(name)))
            .WaitFor(primary);
    }

    /// <summary>
    /// Adds a database. On a primary it is created when the server is ready, if it does not exist; on a replica it names
    /// the read-only copy of the primary's database <paramref name="databaseName"/>, which must have been added to the primary.
    /// </summary>
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(this IResourceBuilder<PostgresServerResource> server, string name, string? databaseName = null)
    {
        var database = new PostgresDatabaseResource(name, databaseName ?? name, server.Resource);
        var builder = server.ApplicationBuilder.AddResource(database)
            .WithReadinessCheck((_, cancellationToken) => PostgresHealth.DatabaseAsync(database, cancellationToken))
            .WithManifestPublishingCallback(context => PostgresManifest.WriteConnectionStringAsync(context, database));
        if (server.Resource is PostgresReplicaResource replica)
        {
            var onPrimary = server.ApplicationBuilder.Resources.OfType<PostgresDatabaseResource>()
                .FirstOrDefault(d => d.Parent == replica.Primary && d.DatabaseName == database.DatabaseName)
                ?? throw new DistributedApplicationException(
                    $"Replica database '{name}' reads '{database.DatabaseName}', which is not a database of '{replica.Primary.Name}'. Add it to the primary first.");
            return builder.WaitFor(server.ApplicationBuilder.CreateResourceBuilder(onPrimary));
        }
        server.OnResourceReady(async (_, e, cancellationToken) =>
        {
            if (await PostgresDatabases.CreateAsync(database, cancellationToken))
            {
                e.Services.GetRequiredService<ResourceLoggerService>().GetLogger(server.Resource)
                    .LogInformation("Created database {Database}.", database.DatabaseName);
            }
        });
        return builder;
    }

    /// <summary>
    /// Adds a login to <paramref name="database"/>: the PostgreSQL role <paramref name="roleName"/> (by default the name
    /// with <c>_</c> for <c>-</c>) with its own generated password (<c>{name}-password</c>). The step that owns the
    /// database's schema creates the role when it references the login; a service references the login in place of
    /// the database (<c>WithReference(login, "platformdb")</c>) and gets only what that step grants the role.
    /// </summary>
    public static IResourceBuilder<PostgresLoginResource> AddLogin(this IResourceBuilder<PostgresDatabaseResource> database, string name, string? roleName = null)
    {
        var password = database.ApplicationBuilder.AddGeneratedSecret($"{name}-password").Resource;
        var login = new PostgresLoginResource(name, roleName ?? name.Replace('-', '_'), database.Resource, password);
        return database.ApplicationBuilder.AddResource(login)
            .WithManifestPublishingCallback(context => PostgresManifest.WriteConnectionStringAsync(context, login));
    }

    private static IResourceBuilder<T> AddServer<T>(this IDistributedApplicationBuilder builder, T server) where T : PostgresServerResource =>
        builder.AddResource(server)
            .WithAnnotation(new EndpointAnnotation(ProtocolType.Tcp, uriScheme: "tcp", name: PostgresServerResource.EndpointName,
                targetPort: builder.ExecutionContext.IsPublishMode ? PostgresServerResource.DefaultPort : null, isProxied: false))
            .WithNativeProcess(PostgresTools.Server)
            .WithArgs(context =>
            {
                foreach (var arg in PostgresServerPreparation.Arguments(server))
                {
                    context.Args.Add(arg);
                }
            })
            .OnBeforeResourceStarted((resource, e, cancellationToken) => PostgresServerPreparation.PrepareAsync(resource, e, cancellationToken))
            .WithReadinessCheck((_, cancellationToken) => PostgresHealth.ServerAsync(server, cancellationToken))
            .WithManifestPublishingCallback(context => PostgresManifest.WriteServerAsync(context, server));
}
