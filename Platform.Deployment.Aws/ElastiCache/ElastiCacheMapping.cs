using Platform.Deployment.Aws.Efs;
using Platform.Deployment.Aws.Mappings;
using Platform.Deployment.Aws.Plan;
using Platform.Deployment.Aws.Synthesis;
using System.Text.RegularExpressions;
using Platform.Deployment.Aws.Versions;
using Platform.Manifest;

namespace Platform.Deployment.Aws.ElastiCache;

/// <summary>Redis, Valkey and Garnet containers (by image, <see cref="CacheEngines"/>) as ElastiCache replication groups with TLS and an auth token.</summary>
internal sealed partial class ElastiCacheMapping : IResourceMapping
{
    private const string Tls = ",ssl=true";

    public bool Takes(ManifestResource resource) => resource is ManifestContainer container && CacheEngines.Of(container.Image) is not null;

    public PlannedResource Plan(ManifestResource resource, Planning planning)
    {
        var container = (ManifestContainer)resource;
        var changes = Volumes.Dropped(container, "ElastiCache").ToList();
        var password = PasswordParameters.Of(planning.Manifest, planning.Resolver, container, "ElastiCache's auth token");
        var connectionString = container.ConnectionString ?? throw new DeploymentException($"'{container.Name}' has no connection string");
        if (password is null)
        {
            // Without a password in the manifest (Aspire 8's caches), anything in the VPC could use the cache: the
            // deployment generates an auth token and adds it to the connection string.
            password = PasswordParameters.Generated($"{container.Name}-auth-token");
            if (planning.Manifest.TryGet(password.Name, out _))
            {
                throw new DeploymentException($"'{container.Name}' has no password, and '{password.Name}', the auth token the deployment would generate for it, is already a resource of the manifest");
            }
            planning.Add(password);
            connectionString += $",password={{{password.Name}.value}}";
            changes.Add($"no password in the manifest: auth token '{password.Name}' generated in Secrets Manager and added to its connection string");
        }
        foreach (var (scheme, tls) in CacheEngines.TlsSchemes)
        {
            planning.Rewrites.Scheme(container.Name, scheme, tls);
        }
        changes.Add($"TLS: its connection string gains ',ssl=true', its URIs' scheme becomes {CacheEngines.TlsSchemes["redis"]}:// ({CacheEngines.TlsSchemes["valkey"]}://)");
        var engine = CacheEngines.Of(container.Image)!;
        EngineVersionChoice version;
        try
        {
            version = engine.VersionFor(container.Image!, planning.Settings.Redis);
        }
        catch (DeploymentException e)
        {
            throw new DeploymentException($"'{container.Name}' ({container.Image}): {e.Message}");
        }
        // Aspire 13 appends the binding's TLS as a value of its own ("" without TLS, ",ssl=true" with it); ElastiCache has TLS.
        var condition = TlsCondition().Match(connectionString);
        return new CacheCluster(container, engine, version, password,
            condition.Success ? connectionString.Replace(condition.Value, Tls, StringComparison.Ordinal) : connectionString + Tls, changes)
        {
            TlsCondition = condition.Success ? condition.Groups["value"].Value : null,
        };
    }

    [GeneratedRegex(@"\{(?<value>cond-[A-Za-z0-9_-]+-tlsenabled-[0-9a-f]+)\.connectionString\}")]
    private static partial Regex TlsCondition();

    public IReadOnlyList<MappedResource> Synthesize(DeploymentContext context, IReadOnlyList<MappedResource> madeBefore) =>
        [.. context.Plan.Of<CacheCluster>().Select(c => new ElastiCacheGroup(context, c))];
}
