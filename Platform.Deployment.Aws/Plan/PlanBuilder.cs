using System.Text.RegularExpressions;
using Platform.Manifest;
using Platform.Manifest.Conventions;

namespace Platform.Deployment.Aws.Plan;

/// <summary>
/// Decides what each manifest resource becomes (see README, "Mapping") and checks every expression the
/// deployment will resolve. Whatever cannot be mapped is collected and reported at once, one line per resource.
/// </summary>
public static partial class PlanBuilder
{
    public static DeploymentPlan Build(AspireManifest manifest, IReadOnlyList<string> skip, Func<ManifestWorkload, string> buildCommand)
    {
        var problems = skip.Where(s => !manifest.TryGet(s, out _)).Select(s => $"'{s}' is in the settings' skip list but not in the manifest").ToList();
        var resolver = new ManifestResolver(manifest);
        var postgres = new List<PostgresServer>();
        var replicas = new List<PostgresReplica>();
        var caches = new List<RedisCache>();
        var templates = new List<ManifestCloudFormation>();
        var services = new List<Workload>();
        var runOnce = new List<Workload>();

        foreach (var resource in manifest.Resources.Where(r => !skip.Contains(r.Name)))
        {
            try
            {
                switch (resource)
                {
                    case ManifestContainer container when container.Env.ContainsKey(PostgresContainer.PrimaryHost):
                        replicas.Add(Replica(manifest, container));
                        break;
                    case ManifestContainer container when ImageNames.IsPostgres(container.Image):
                        postgres.Add(Postgres(manifest, resolver, container));
                        break;
                    case ManifestContainer container when ImageNames.IsRedis(container.Image):
                        caches.Add(new RedisCache(container, PasswordOf(manifest, resolver, container, "ElastiCache is deployed with an auth token")));
                        break;
                    case ManifestProject { IsRunOnce: true } project:
                        runOnce.Add(Workload(project, null, buildCommand));
                        break;
                    case ManifestProject or ManifestDockerfile or ManifestContainer:
                        services.Add(Workload((ManifestWorkload)resource, (resource as ManifestContainer)?.Image, buildCommand));
                        break;
                    case ManifestCloudFormation { Type: ManifestTypes.CloudFormationTemplate, TemplatePath: not null } template:
                        templates.Add(template);
                        break;
                    case ManifestParameter or ManifestValue or ManifestAnnotatedString:
                        // Expanded into the values that use them.
                        break;
                    default:
                        throw new DeploymentException(Unmappable(resource));
                }
            }
            catch (Exception e) when (e is DeploymentException or ManifestException)
            {
                problems.Add(e.Message);
            }
        }

        var plan = new DeploymentPlan(manifest, postgres, replicas, caches, templates, [.. manifest.Resources.OfType<ManifestParameter>()], services, runOnce);
        problems.AddRange(PlanChecks.Check(plan));
        if (problems.Count > 0)
        {
            throw new DeploymentException($"The manifest cannot be deployed to ECS as it is:\n  {string.Join("\n  ", problems.Distinct())}");
        }
        return plan;
    }

    private static string Unmappable(ManifestResource resource) => resource switch
    {
        ManifestError error => $"'{error.Name}': the manifest's publisher could not write it (\"{error.Error}\")",
        ManifestExecutable => $"'{resource.Name}' ({resource.Type}) runs a local command, which has no image to run on Fargate: publish it as a container (Aspire's PublishAsDockerFile)",
        ManifestCloudFormation => $"'{resource.Name}' ({resource.Type}) refers to a stack deployed elsewhere, whose outputs CloudFormation cannot read: include its template instead (aws.cloudformation.template.v0)",
        ManifestBicep => $"'{resource.Name}' ({resource.Type}) is an Azure resource",
        _ => $"'{resource.Name}' has type '{resource.Type}', which this deployment does not know",
    };

    private static PostgresServer Postgres(AspireManifest manifest, ManifestResolver resolver, ManifestContainer container)
    {
        var version = ImageNames.VersionTag(container.Image!)
            ?? throw new DeploymentException($"'{container.Name}': the image '{container.Image}' has no version tag, which RDS needs as its engine version");
        var databases = manifest.Resources.OfType<ManifestValue>()
            .Select(v => (Value: v.Name, Match: DatabaseSuffix().Match(v.Template)))
            .Where(d => d.Match.Success && d.Match.Groups["server"].Value == container.Name)
            .Select(d => (Value: (string?)d.Value, Database: d.Match.Groups["database"].Value))
            .Concat(container.Env.TryGetValue(PostgresContainer.Database, out var db) ? [(Value: (string?)null, Database: db)] : [])
            .DistinctBy(d => d.Database)
            .ToList();
        // RDS creates the first database; every other one must be created by a run-once step that uses it (the way
        // identity-setup creates identitydb), which runs before the services that wait for it.
        var uncreated = databases.Skip(1).Where(d => d.Value is null || !CreatedByRunOnceStep(manifest, d.Value)).Select(d => d.Database).ToList();
        if (uncreated.Count > 0)
        {
            throw new DeploymentException($"'{container.Name}': RDS creates one database ({databases[0].Database}), and no run-once step uses {string.Join(", ", uncreated)} to create it: add a run-once migration that creates its database");
        }
        var user = container.Env.GetValueOrDefault(PostgresContainer.User, PostgresContainer.DefaultUser);
        return new PostgresServer(container, version, user, PasswordOf(manifest, resolver, container, "RDS needs its master password"), databases.FirstOrDefault().Database);
    }

    private static bool CreatedByRunOnceStep(AspireManifest manifest, string database) =>
        manifest.Resources.OfType<ManifestProject>().Any(p => p.IsRunOnce && p.Env.Values.Any(v => v.Contains($"{{{database}.connectionString}}", StringComparison.Ordinal)));

    private static PostgresReplica Replica(AspireManifest manifest, ManifestContainer container)
    {
        var host = container.Env[PostgresContainer.PrimaryHost];
        var primary = PrimaryHost().Match(host);
        if (!primary.Success || !manifest.TryGet(primary.Groups["server"].Value, out var server) || server is not ManifestContainer { Image: var image } || !ImageNames.IsPostgres(image))
        {
            throw new DeploymentException($"'{container.Name}': {PostgresContainer.PrimaryHost} is '{host}', which is not the host of a PostgreSQL container of the manifest");
        }
        return new PostgresReplica(container, server.Name);
    }

    /// <summary>The one parameter in <paramref name="container"/>'s connection string: its password.</summary>
    private static ManifestParameter PasswordOf(AspireManifest manifest, ManifestResolver resolver, ManifestContainer container, string why)
    {
        var inputs = container.ConnectionString is { } template
            ? resolver.Leaves(template, $"'{container.Name}' connectionString").Where(l => l.Path[0] == "inputs").Select(l => l.Resource).Distinct().ToList()
            : [];
        return inputs.Count == 1
            ? (ManifestParameter)manifest[inputs[0]]
            : throw new DeploymentException($"'{container.Name}': its connection string must have exactly one password parameter ({why}), and it has {(inputs.Count == 0 ? "none" : string.Join(", ", inputs))}");
    }

    private static Workload Workload(ManifestWorkload resource, string? image, Func<ManifestWorkload, string> buildCommand)
    {
        if (resource is ManifestContainer { Volumes.Count: > 0 } container)
        {
            throw new DeploymentException($"'{container.Name}' mounts {string.Join(", ", container.Volumes.Select(v => v.Target))}: a Fargate task's storage does not outlive it, so its data would be lost; use a managed service for it");
        }
        if (resource is ManifestContainer { Image: null, Build: null })
        {
            throw new DeploymentException($"'{resource.Name}' has neither an image nor a build");
        }
        return new Workload(resource, image, image is null ? buildCommand(resource) : null);
    }

    [GeneratedRegex(@"^\{(?<server>[A-Za-z0-9_-]+)\.connectionString\};Database=(?<database>[^;]+)$")]
    private static partial Regex DatabaseSuffix();

    [GeneratedRegex(@"^\{(?<server>[A-Za-z0-9_-]+)\.bindings\.[A-Za-z0-9_-]+\.host\}$")]
    private static partial Regex PrimaryHost();
}
