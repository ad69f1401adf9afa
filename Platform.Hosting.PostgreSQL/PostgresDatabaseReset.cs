using Microsoft.Extensions.DependencyInjection;
using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Orchestration;

namespace Platform.Hosting.PostgreSQL;

/// <summary>A fresh database on a graph that keeps running, as tests want one per test class.</summary>
public static class PostgresDatabaseReset
{
    /// <summary>
    /// Empties the database by the graph's own steps: the resources that use it stop, it is dropped and created
    /// empty, and they start again, each waiting as at the first start (so the migrations run before the
    /// services). Returns once they are all ready again.
    /// </summary>
    public static async Task ResetDatabaseAsync(this DistributedApplication app, string databaseName, CancellationToken cancellationToken = default)
    {
        if (app.Model.Find(databaseName) is not PostgresDatabaseResource { Server: not PostgresReplicaResource } database)
        {
            throw new ArgumentException(
                $"Resource '{databaseName}' is not a database on a PostgreSQL primary: name the primary's database (AddDatabase on AddPostgres); its replicas follow it.",
                nameof(databaseName));
        }
        var orchestrator = app.Services.GetRequiredService<Orchestrator>();
        var users = UsersOf(app.Model, database);

        await Task.WhenAll(users.Select(orchestrator.StopResourceAsync));
        await PostgresDatabaseRunner.RecreateAsync(database, cancellationToken);
        await Task.WhenAll(users.Select(user => orchestrator.StartResourceAsync(user, cancellationToken)));
        await Task.WhenAll(users.Select(user => orchestrator.WaitUntilReadyAsync(user, cancellationToken)));
    }

    /// <summary>The resources that reference the database, on its primary or on a replica (whose copy is dropped with it).</summary>
    private static List<IResource> UsersOf(DistributedApplicationModel model, PostgresDatabaseResource database) =>
        [.. model.Resources.Where(resource => resource.AnnotationsOf<ResourceRelationshipAnnotation>().Any(reference =>
            reference.Resource is PostgresDatabaseResource copy
            && copy.DatabaseName == database.DatabaseName
            && (copy.Server == database.Server || copy.Server is PostgresReplicaResource replica && replica.Primary == database.Server)))];
}
