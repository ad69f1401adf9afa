using System.Text.RegularExpressions;
using Platform.Deployment.Aws.Efs;
using Platform.Deployment.Aws.Mappings;
using Platform.Deployment.Aws.Plan;
using Platform.Deployment.Aws.Synthesis;
using Platform.Deployment.Aws.Versions;
using Platform.Manifest;
using Platform.Manifest.Conventions;

namespace Platform.Deployment.Aws.Rds;

/// <summary>
/// PostgreSQL, MySQL and SQL Server containers (by image, <see cref="RdsEngines"/>) as RDS instances, and a PostgreSQL
/// replica container (it has <c>POSTGRES_PRIMARY_HOST</c>) as an RDS read replica of the primary it names.
/// </summary>
internal sealed partial class RdsMapping : IResourceMapping
{
    public const string Service = "RDS";

    public bool Takes(ManifestResource resource) =>
        resource is ManifestContainer container && (IsReplica(container) || RdsEngines.Of(container.Image) is not null);

    public PlannedResource Plan(ManifestResource resource, Planning planning)
    {
        var container = (ManifestContainer)resource;
        return IsReplica(container) ? Replica(planning.Manifest, container) : Server(planning, container, RdsEngines.Of(container.Image)!);
    }

    public IReadOnlyList<MappedResource> Synthesize(DeploymentContext context, IReadOnlyList<MappedResource> madeBefore)
    {
        var servers = context.Plan.Of<DatabaseServer>().Select(s => new RdsServer(context, s)).ToList();
        var replicas = context.Plan.Of<PostgresReplica>().Select(r => new RdsReadReplica(context, r, servers.Single(s => s.Resource == r.Primary)));
        return [.. servers, .. replicas];
    }

    private static bool IsReplica(ManifestContainer container) => container.Env.ContainsKey(PostgresContainer.PrimaryHost);

    private static DatabaseServer Server(Planning planning, ManifestContainer container, RdsEngine engine)
    {
        EngineVersionChoice version;
        try
        {
            version = RdsEngines.VersionFor(engine, container.Image!, planning.Settings);
        }
        catch (DeploymentException e)
        {
            throw new DeploymentException($"'{container.Name}' ({container.Image}): {e.Message}");
        }
        var databases = Databases(planning.Manifest, container, engine);
        var user = engine.UserVariable is { } userVariable ? container.Env.GetValueOrDefault(userVariable, engine.DefaultUser) : engine.DefaultUser;
        var changes = Volumes.Dropped(container, Service).ToList();
        if (engine.ReservedUsers.Contains(user, StringComparer.OrdinalIgnoreCase))
        {
            planning.Rewrites.UserName(container.Name, user, engine.SubstituteUser);
            changes.Add($"user '{user}' is reserved on RDS: '{engine.SubstituteUser}' instead, in the connection string and every value that names it");
            user = engine.SubstituteUser;
        }
        var password = PasswordParameters.Required(planning.Manifest, planning.Resolver, container, "RDS needs its master password");
        return new DatabaseServer(container, engine, version, user, password, databases) { Changes = changes };
    }

    /// <summary>The image's initial database, then every <c>{server.connectionString};Database=…</c> of the manifest.</summary>
    private static List<string> Databases(AspireManifest manifest, ManifestContainer container, RdsEngine engine)
    {
        var databases = manifest.Resources.OfType<ManifestValue>()
            .Select(v => DatabaseSuffix().Match(v.Template))
            .Where(m => m.Success && m.Groups["server"].Value == container.Name)
            .Select(m => m.Groups["database"].Value)
            .Prepend(engine.DatabaseVariable is { } variable && container.Env.TryGetValue(variable, out var initial) ? initial : null)
            .OfType<string>()
            .Distinct()
            .ToList();
        foreach (var database in databases.Where(d => !DatabaseName().IsMatch(d)))
        {
            throw new DeploymentException($"'{container.Name}': database '{database}' has characters a database name on RDS cannot (letters, digits, _ and - only)");
        }
        return databases;
    }

    private static PostgresReplica Replica(AspireManifest manifest, ManifestContainer container)
    {
        var host = container.Env[PostgresContainer.PrimaryHost];
        var primary = PrimaryHost().Match(host);
        if (!primary.Success || !manifest.TryGet(primary.Groups["server"].Value, out var server) || server is not ManifestContainer { Image: var image } || !RdsEngines.Postgres.Matches(image))
        {
            throw new DeploymentException($"'{container.Name}': {PostgresContainer.PrimaryHost} is '{host}', which is not the host of a PostgreSQL container of the manifest");
        }
        return new PostgresReplica(container, server.Name, [.. Volumes.Dropped(container, Service)]);
    }

    [GeneratedRegex(@"^\{(?<server>[A-Za-z0-9_-]+)\.connectionString\};(?:Database|Initial Catalog)=(?<database>[^;]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex DatabaseSuffix();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_-]*$")]
    private static partial Regex DatabaseName();

    [GeneratedRegex(@"^\{(?<server>[A-Za-z0-9_-]+)\.bindings\.[A-Za-z0-9_-]+\.host\}$")]
    private static partial Regex PrimaryHost();
}
