using Platform.Deployment.Aws.Fargate;
using Platform.Deployment.Aws.Plan;
using Platform.Manifest;

namespace Platform.Deployment.Aws.Rds;

/// <summary>
/// RDS creates one database with an instance (SQL Server's none), and a manifest may name several on one server (eShop
/// does; so does an app adding a second service with its own database). For those, the deployment adds a run-once step
/// per server: the server's own image runs its client as the image's unprivileged user and creates each database that
/// is missing (so it is idempotent, and a database a service created itself is left alone), before any service or
/// run-once task that uses the server (or its read replicas) starts. Its password comes from the server's secret into
/// the client's password variable, never a command line; its task may reach that server only.
/// </summary>
internal static class DatabaseSteps
{
    /// <summary>The step of <paramref name="server"/>, if it needs one; <paramref name="plan"/> holds the workloads that may use it.</summary>
    public static Workload? For(DatabaseServer server, IReadOnlyList<PlannedResource> plan, ManifestResolver resolver)
    {
        if (server.CreatedByStep.Count == 0)
        {
            return null;
        }
        // A read replica has the primary's databases, so its users wait for them too.
        var addresses = plan.OfType<PostgresReplica>().Where(r => r.Primary == server.Name).Select(r => r.Name).Append(server.Name).ToList();
        var users = plan.OfType<Workload>().OrderBy(w => w.RunOnce).Where(w => addresses.Any(a => w.UsesAddressOf(resolver, a))).Select(w => w.Name);
        var name = server.Name;
        var binding = server.Container.Bindings.Keys.First();
        var client = server.Engine.Client;
        var step = new ManifestContainer(server.StepName, ManifestTypes.Container, server.Container.Image)
        {
            Entrypoint = "/bin/sh",
            Args = ["-c", client.CreateDatabases],
            Env = new Dictionary<string, string>
            {
                ["DB_HOST"] = $"{{{name}.bindings.{binding}.host}}",
                ["DB_PORT"] = $"{{{name}.bindings.{binding}.port}}",
                ["DB_USER"] = server.UserName,
                [client.PasswordVariable] = $"{{{server.Password.Name}.value}}",
                ["DATABASES"] = string.Join(' ', server.CreatedByStep),
            },
        };
        return new Workload(step, server.Container.Image, null)
        {
            RunOnce = true,
            CompletesBefore = [.. users],
            User = client.User,
            ReadOnlyRoot = true,
        };
    }
}
