using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Hosting.PostgreSQL;

/// <summary>A fresh database on a graph that keeps running, as tests want one per test class.</summary>
public static class PostgresDatabaseReset
{
    /// <summary>
    /// Empties the database by the graph's own steps: the resources that use it stop, it is dropped and created empty,
    /// then the run-once steps among them (migrations) run again to completion and the others start again. Returns once
    /// they are all healthy.
    /// </summary>
    public static async Task ResetDatabaseAsync(this DistributedApplication app, string databaseName, CancellationToken cancellationToken = default)
    {
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        if (model.Resources.FirstOrDefault(r => r.Name == databaseName) is not PostgresDatabaseResource { Parent: not PostgresReplicaResource } database)
        {
            throw new ArgumentException(
                $"Resource '{databaseName}' is not a database on a PostgreSQL primary: name the primary's database (AddDatabase on AddNativePostgres); its replicas follow it.",
                nameof(databaseName));
        }
        var users = UsersOf(model, database);
        var steps = users.Where(u => IsRunOnce(model, u)).ToList();
        var services = users.Except(steps).ToList();

        await Task.WhenAll(users.Select(user => app.ResourceCommands.ExecuteCommandAsync(user, KnownResourceCommands.StopCommand, cancellationToken)));
        await PostgresDatabases.RecreateAsync(database, cancellationToken);
        foreach (var step in steps)
        {
            await RunToCompletionAsync(app, step, cancellationToken);
        }
        await Task.WhenAll(services.Select(service => app.ResourceCommands.ExecuteCommandAsync(service, KnownResourceCommands.StartCommand, cancellationToken)));
        await Task.WhenAll(services.Select(s => app.ResourceNotifications.WaitForResourceHealthyAsync(s.Name, cancellationToken)));
    }

    /// <summary>Starts a run-once step again and waits until it has run and ended with exit code 0.</summary>
    private static async Task RunToCompletionAsync(DistributedApplication app, IResource step, CancellationToken cancellationToken)
    {
        var started = app.ResourceNotifications.WaitForResourceAsync(step.Name, e => e.Snapshot.State?.Text == KnownResourceStates.Running, cancellationToken);
        await app.ResourceCommands.ExecuteCommandAsync(step, KnownResourceCommands.StartCommand, cancellationToken);
        await started;
        var finished = await app.ResourceNotifications.WaitForResourceAsync(step.Name,
            e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), cancellationToken);
        if (finished.Snapshot.ExitCode is not 0)
        {
            throw new InvalidOperationException($"'{step.Name}' ended with exit code {finished.Snapshot.ExitCode} after the database was reset.");
        }
    }

    /// <summary>The resources that reference the database or a login to it, on its primary or on a replica (whose copy
    /// is dropped with it).</summary>
    private static List<IResource> UsersOf(DistributedApplicationModel model, PostgresDatabaseResource database) =>
        [.. model.Resources.Where(resource => resource.Annotations.OfType<ResourceRelationshipAnnotation>().Any(reference =>
            (reference.Resource as PostgresDatabaseResource ?? (reference.Resource as PostgresLoginResource)?.Database) is { } copy
            && copy.DatabaseName == database.DatabaseName
            && (copy.Parent == database.Parent || copy.Parent is PostgresReplicaResource replica && replica.Primary == database.Parent)))];

    private static bool IsRunOnce(DistributedApplicationModel model, IResource resource) =>
        model.Resources.Any(r => r.Annotations.OfType<WaitAnnotation>().Any(w => w.Resource == resource && w.WaitType == WaitType.WaitForCompletion));
}
