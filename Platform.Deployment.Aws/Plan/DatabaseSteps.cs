using Platform.Manifest;

namespace Platform.Deployment.Aws.Plan;

/// <summary>
/// RDS creates one database with an instance (SQL Server's none), and a manifest may name several on one server (eShop
/// does; so does an app adding a second service with its own database). For those, the deployment adds a run-once step
/// per server: the server's own image runs its client as the image's unprivileged user and creates each database that
/// is missing (so it is idempotent, and a database a service created itself is left alone), before any service or
/// run-once task that uses the server starts. Its password comes from the server's secret into the client's password
/// variable, never a command line; its task may reach that server only.
/// </summary>
internal static class DatabaseSteps
{
    public static Workload? For(DatabaseServer server, IEnumerable<string> users)
    {
        if (server.CreatedByStep.Count == 0)
        {
            return null;
        }
        var name = server.Container.Name;
        var binding = server.Container.Bindings.Keys.First();
        var step = new ManifestContainer(server.StepName, ManifestTypes.Container, server.Container.Image)
        {
            Entrypoint = "/bin/sh",
            Args = ["-c", server.Engine.CreateDatabases],
            Env = new Dictionary<string, string>
            {
                ["DB_HOST"] = $"{{{name}.bindings.{binding}.host}}",
                ["DB_PORT"] = $"{{{name}.bindings.{binding}.port}}",
                ["DB_USER"] = server.UserName,
                [server.Engine.PasswordVariable] = $"{{{server.Password.Name}.value}}",
                ["DATABASES"] = string.Join(' ', server.CreatedByStep),
            },
        };
        return new Workload(step, server.Container.Image, null)
        {
            CompletesBefore = [.. users],
            User = server.Engine.ClientUser,
            ReadOnlyRoot = true,
        };
    }
}
