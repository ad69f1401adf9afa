using System.Text.RegularExpressions;
using Platform.Deployment.Aws.Caches;
using Platform.Deployment.Aws.Databases;
using Platform.Deployment.Aws.Messaging;
using Platform.Deployment.Aws.Settings;
using Platform.Manifest;
using Platform.Manifest.Conventions;

namespace Platform.Deployment.Aws.Plan;

/// <summary>
/// Decides what each manifest resource becomes (see README, "Mapping") and checks every expression the
/// deployment will resolve. Whatever cannot be mapped is collected and reported at once, one line per problem, each
/// naming its resource; what can is written as the plan's report, one line per resource.
/// </summary>
internal static partial class PlanBuilder
{
    public static DeploymentPlan Build(AspireManifest manifest, DeploymentSettings settings, Func<ManifestWorkload, string> buildCommand)
    {
        var implied = ImpliedResources.Of(manifest);
        manifest = manifest.With(implied);
        var skip = settings.Skip;
        var problems = skip.Where(s => !manifest.TryGet(s, out _)).Select(s => $"'{s}' is in the settings' skip list but not in the manifest")
            .Concat(ExternalServiceProblems(manifest, settings)).ToList();
        var resolver = new ManifestResolver(manifest);
        var report = new PlanReport(settings);
        var rewrites = new ConnectionRewrites();
        var added = new List<ManifestResource>(implied);
        var servers = new List<DatabaseServer>();
        var replicas = new List<PostgresReplica>();
        var caches = new List<CacheCluster>();
        var brokers = new List<MessageBroker>();
        var templates = new List<ManifestCloudFormation>();
        var services = new List<Workload>();
        var runOnce = new List<Workload>();

        foreach (var resource in manifest.Resources.Where(r => !skip.Contains(r.Name) && !settings.ExternalServices.ContainsKey(r.Name)))
        {
            try
            {
                switch (resource)
                {
                    case ManifestContainer container when container.Env.ContainsKey(PostgresContainer.PrimaryHost):
                        replicas.Add(Replica(manifest, container));
                        report.Replica(replicas[^1], Volumes.Dropped(container, "RDS"));
                        break;
                    case ManifestContainer container when RdsEngines.Of(container.Image) is { } engine:
                        servers.Add(Database(manifest, resolver, container, engine, settings, report, rewrites));
                        break;
                    case ManifestContainer container when CacheEngines.Of(container.Image) is { } engine:
                        caches.Add(Cache(manifest, resolver, container, engine, report, rewrites, added));
                        break;
                    case ManifestContainer container when RabbitMq.Matches(container.Image):
                        brokers.Add(Broker(manifest, resolver, container, report, rewrites));
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
                        // Expanded into the values that use them; the report says what each became.
                        break;
                    default:
                        throw new DeploymentException(Unmappable(resource));
                }
            }
            catch (Exception e) when (e is DeploymentException or ManifestException)
            {
                problems.AddRange(e.Message.Split('\n'));
            }
        }

        var extended = manifest.With(added.Except(implied));
        var extendedResolver = new ManifestResolver(extended, caches.ToDictionary(c => c.Container.Name, c => c.ConnectionString));
        services = [.. services.Select(s => WithoutSkipped(s, extendedResolver, skip))];
        runOnce = [.. runOnce.Select(s => WithoutSkipped(s, extendedResolver, skip))];
        foreach (var server in servers)
        {
            // A read replica has the primary's databases, so its users wait for them too.
            var addresses = replicas.Where(r => r.Primary == server.Container.Name).Select(r => r.Container.Name).Append(server.Container.Name).ToList();
            var users = services.Concat(runOnce).Where(w => addresses.Any(a => Uses(extendedResolver, w, a))).Select(w => w.Name);
            if (DatabaseSteps.For(server, users) is { } step)
            {
                runOnce.Insert(0, step);
                added.Add(step.Resource);
            }
        }

        var plan = new DeploymentPlan
        {
            Manifest = manifest.With(added.Except(implied)),
            Added = added,
            DatabaseServers = servers,
            PostgresReplicas = replicas,
            Caches = caches,
            Brokers = brokers,
            Templates = templates,
            Parameters = [.. manifest.Resources.OfType<ManifestParameter>(), .. added.OfType<ManifestParameter>()],
            Services = services,
            RunOnceTasks = runOnce,
            Rewrites = rewrites,
        };
        problems.AddRange(PlanChecks.Check(plan, settings));
        if (problems.Count > 0)
        {
            throw new DeploymentException($"The manifest cannot be deployed to ECS as it is:\n  {string.Join("\n  ", problems.Distinct())}");
        }
        return plan with { Report = report.Complete(plan, skip) };
    }

    private static IEnumerable<string> ExternalServiceProblems(AspireManifest manifest, DeploymentSettings settings)
    {
        foreach (var (name, address) in settings.ExternalServices)
        {
            if (!manifest.TryGet(name, out var resource) || resource is not ManifestWorkload { Bindings.Count: > 0 })
            {
                yield return $"'{name}' is in the settings' externalServices but is not a service with bindings in the manifest";
            }
            else if (settings.Skip.Contains(name))
            {
                yield return $"'{name}' is both skipped and an external service: keep it in one of the two settings";
            }
        }
    }

    private static string Unmappable(ManifestResource resource) => resource switch
    {
        ManifestError error => $"'{error.Name}': the manifest's publisher could not write it (\"{error.Error}\"); list it in the settings' skip to deploy the rest",
        ManifestExecutable => $"'{resource.Name}' ({resource.Type}) runs a local command, which has no image to run on Fargate: publish it as a container (Aspire's PublishAsDockerFile), or list it in the settings' skip if it runs only on a developer's machine",
        ManifestCloudFormation => $"'{resource.Name}' ({resource.Type}) refers to a stack deployed elsewhere, whose outputs CloudFormation cannot read: include its template instead (aws.cloudformation.template.v0)",
        ManifestBicep => $"'{resource.Name}' ({resource.Type}) is an Azure resource, which has no AWS counterpart here: list it in the settings' skip",
        _ => $"'{resource.Name}' has type '{resource.Type}', which this deployment does not know",
    };

    private static DatabaseServer Database(AspireManifest manifest, ManifestResolver resolver, ManifestContainer container, RdsEngine engine, DeploymentSettings settings, PlanReport report, ConnectionRewrites rewrites)
    {
        var version = RdsEngines.VersionFor(engine, container.Image!, settings);
        if (version.Version is null)
        {
            throw new DeploymentException($"'{container.Name}': the image '{container.Image}' has no version tag that names a {engine.Name} version RDS runs: set {engine.SettingsName}.engineVersion");
        }
        var databases = manifest.Resources.OfType<ManifestValue>()
            .Select(v => (Value: v, Match: DatabaseSuffix().Match(v.Template)))
            .Where(m => m.Match.Success && m.Match.Groups["server"].Value == container.Name)
            .Select(m => m.Match.Groups["database"].Value)
            .Prepend(engine.DatabaseVariable is { } variable && container.Env.TryGetValue(variable, out var initial) ? initial : null)
            .OfType<string>()
            .Distinct()
            .ToList();
        foreach (var database in databases.Where(d => !DatabaseName().IsMatch(d)))
        {
            throw new DeploymentException($"'{container.Name}': database '{database}' has characters a database name on RDS cannot (letters, digits, _ and - only)");
        }
        var user = engine.UserVariable is { } userVariable ? container.Env.GetValueOrDefault(userVariable, engine.DefaultUser) : engine.DefaultUser;
        var changes = Volumes.Dropped(container, "RDS").ToList();
        if (engine.ReservedUsers.Contains(user, StringComparer.OrdinalIgnoreCase))
        {
            rewrites.UserName(container.Name, user, engine.SubstituteUser);
            changes.Add($"user '{user}' is reserved on RDS: '{engine.SubstituteUser}' instead, in the connection string and every value that names it");
            user = engine.SubstituteUser;
        }
        if (version.Substituted is { } substituted)
        {
            changes.Add(substituted);
        }
        var server = new DatabaseServer(container, engine, version.Version, user,
            PasswordParameters.Required(manifest, resolver, container, "RDS needs its master password"), databases);
        report.Database(server, changes);
        return server;
    }

    private static CacheCluster Cache(AspireManifest manifest, ManifestResolver resolver, ManifestContainer container, CacheEngine engine, PlanReport report, ConnectionRewrites rewrites, List<ManifestResource> added)
    {
        var changes = Volumes.Dropped(container, "ElastiCache").ToList();
        var password = PasswordParameters.Of(manifest, resolver, container, "ElastiCache's auth token");
        var connectionString = container.ConnectionString ?? throw new DeploymentException($"'{container.Name}' has no connection string");
        if (password is null)
        {
            // Without a password in the manifest (Aspire 8's caches), anything in the VPC could use the cache: the
            // deployment generates an auth token and adds it to the connection string.
            password = PasswordParameters.Generated($"{container.Name}-auth-token");
            if (manifest.TryGet(password.Name, out _))
            {
                throw new DeploymentException($"'{container.Name}' has no password, and '{password.Name}', the auth token the deployment would generate for it, is already a resource of the manifest");
            }
            added.Add(password);
            connectionString += $",password={{{password.Name}.value}}";
            changes.Add($"no password in the manifest: auth token '{password.Name}' generated in Secrets Manager and added to its connection string");
        }
        foreach (var scheme in new[] { "redis", "valkey" })
        {
            rewrites.Scheme(container.Name, scheme, scheme + "s");
        }
        changes.Add("TLS: its connection string gains ',ssl=true', its URIs' scheme becomes rediss:// (valkeys://)");
        var cache = new CacheCluster(container, engine, password, connectionString + ",ssl=true");
        report.Cache(cache, changes);
        return cache;
    }

    private static MessageBroker Broker(AspireManifest manifest, ManifestResolver resolver, ManifestContainer container, PlanReport report, ConnectionRewrites rewrites)
    {
        var changes = Volumes.Dropped(container, "Amazon MQ").ToList();
        var user = container.Env.GetValueOrDefault(RabbitMq.UserVariable, RabbitMq.DefaultUser);
        if (user == RabbitMq.DefaultUser)
        {
            rewrites.UserName(container.Name, user, RabbitMq.SubstituteUser);
            changes.Add($"user '{user}' is refused by Amazon MQ: '{RabbitMq.SubstituteUser}' instead, in the connection string and every value that names it");
            user = RabbitMq.SubstituteUser;
        }
        rewrites.Scheme(container.Name, "amqp", "amqps");
        changes.Add($"AMQP over TLS only: amqp:// becomes amqps://, port {RabbitMq.AmqpsPort}");
        var broker = new MessageBroker(container, user, PasswordParameters.Required(manifest, resolver, container, "Amazon MQ needs its user's password"));
        report.Broker(broker, changes);
        return broker;
    }

    private static PostgresReplica Replica(AspireManifest manifest, ManifestContainer container)
    {
        var host = container.Env[PostgresContainer.PrimaryHost];
        var primary = PrimaryHost().Match(host);
        if (!primary.Success || !manifest.TryGet(primary.Groups["server"].Value, out var server) || server is not ManifestContainer { Image: var image } || !RdsEngines.Postgres.Matches(image))
        {
            throw new DeploymentException($"'{container.Name}': {PostgresContainer.PrimaryHost} is '{host}', which is not the host of a PostgreSQL container of the manifest");
        }
        return new PostgresReplica(container, server.Name);
    }

    private static Workload Workload(ManifestWorkload resource, string? image, Func<ManifestWorkload, string> buildCommand)
    {
        if (resource is ManifestContainer { Image: null, Build: null })
        {
            throw new DeploymentException($"'{resource.Name}' has neither an image nor a build");
        }
        var dotnet = resource is ManifestProject;
        return new Workload(resource, image, image is null ? buildCommand(resource) : null)
        {
            FileSystemVolumes = resource is ManifestContainer container ? Volumes.Named(container) : [],
            // .NET's container images run as the unprivileged user 'app' (1654), and need to write only below /tmp and its home.
            User = dotnet ? "1654" : null,
            ReadOnlyRoot = dotnet,
        };
    }

    /// <summary>Leaves out the variables whose values use a skipped resource, saying so.</summary>
    private static Workload WithoutSkipped(Workload workload, ManifestResolver resolver, IReadOnlyList<string> skip)
    {
        var dropped = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (variable, template) in workload.Resource.Env)
        {
            var skipped = Named(template).FirstOrDefault(skip.Contains);
            try
            {
                skipped ??= resolver.Leaves(template, variable).Select(l => l.Resource).FirstOrDefault(skip.Contains);
            }
            catch (ManifestException)
            {
                // PlanChecks reports it, unless the variable is dropped.
            }
            if (skipped is not null)
            {
                dropped[variable] = $"it uses '{skipped}', which the settings skip";
            }
        }
        return dropped.Count == 0 ? workload : workload with { DroppedVariables = dropped };
    }

    private static bool Uses(ManifestResolver resolver, Workload workload, string resource) =>
        PlanChecks.Expressions(workload).Any(e =>
        {
            try
            {
                return resolver.Leaves(e.Template, e.Location).Any(l => l.Resource == resource && l.Path[0] == "bindings");
            }
            catch (ManifestException)
            {
                return false;
            }
        });

    /// <summary>The resources a template names directly (<c>{r.…}</c>), before expansion.</summary>
    private static IEnumerable<string> Named(string template) => Reference().Matches(template).Select(m => m.Groups["resource"].Value);

    [GeneratedRegex(@"^\{(?<server>[A-Za-z0-9_-]+)\.connectionString\};(?:Database|Initial Catalog)=(?<database>[^;]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex DatabaseSuffix();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_-]*$")]
    private static partial Regex DatabaseName();

    [GeneratedRegex(@"^\{(?<server>[A-Za-z0-9_-]+)\.bindings\.[A-Za-z0-9_-]+\.host\}$")]
    private static partial Regex PrimaryHost();

    [GeneratedRegex(@"\{(?<resource>[A-Za-z0-9_-]+)\.")]
    private static partial Regex Reference();
}
