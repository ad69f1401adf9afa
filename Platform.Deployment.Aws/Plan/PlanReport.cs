using Platform.Deployment.Aws.Messaging;
using Platform.Deployment.Aws.Services;
using Platform.Deployment.Aws.Settings;
using Platform.Manifest;

namespace Platform.Deployment.Aws.Plan;

/// <summary>
/// The plan in words, like <c>terraform plan</c>: one line per manifest resource, saying what it becomes on AWS, which
/// settings shaped it, and what was dropped or substituted and why. <c>synth</c> prints it and writes it as plan.md.
/// </summary>
internal sealed class PlanReport(DeploymentSettings settings)
{
    private readonly Dictionary<string, string> _lines = new(StringComparer.Ordinal);

    public void Database(DatabaseServer server, IEnumerable<string> changes)
    {
        var rds = server.Engine.Settings(settings);
        var edition = rds is SqlServerSettings sql ? $" {sql.Edition.ToUpperInvariant()} edition," : "";
        var databases = server.Databases.Count == 0 ? "no database" : string.Join(", ", server.Databases.Select(d => d == server.CreatedByRds ? $"'{d}' (made by RDS)" : $"'{d}' (made by '{server.StepName}')"));
        Add(server.Container, $"RDS {server.Engine.Name} {server.EngineVersion},{edition} Multi-AZ, db.{rds.InstanceClass}, {rds.AllocatedStorageGiB}-{rds.MaxAllocatedStorageGiB} GiB encrypted gp3, backups {rds.BackupRetentionDays} days, isolated subnets; master user '{server.UserName}'; databases {databases}",
            $"{server.Engine.SettingsName}.*", changes);
    }

    public void Replica(PostgresReplica replica, IEnumerable<string> changes) =>
        Add(replica.Container, $"RDS read replica of '{replica.Primary}', isolated subnets (its {Manifest.Conventions.PostgresContainer.PrimaryHost} names the primary)", "postgres.instanceClass", changes);

    public void Cache(CacheCluster cache, IEnumerable<string> changes)
    {
        var redis = settings.Redis;
        Add(cache.Container, $"ElastiCache {cache.Engine.ElastiCacheEngine} {cache.Engine.Version(redis)} replication group ({cache.Engine.Name} speaks its protocol), {1 + redis.Replicas} × {redis.NodeType}, TLS, encrypted at rest, auth token '{cache.Password.Name}', snapshots {redis.SnapshotRetentionDays} days, isolated subnets",
            "redis.*", changes);
    }

    public void Broker(MessageBroker broker, IEnumerable<string> changes)
    {
        var mq = settings.RabbitMq;
        var management = broker.Container.Bindings.ContainsKey(RabbitMq.ManagementBinding)
            ? [$"binding '{RabbitMq.ManagementBinding}' is the broker's web console, https on {RabbitMq.ConsolePort}"]
            : Array.Empty<string>();
        Add(broker.Container, $"Amazon MQ for RabbitMQ {mq.EngineVersion}, {mq.DeploymentMode}, {mq.HostInstanceType}, isolated subnets; user '{broker.UserName}' with the password '{broker.Password.Name}'",
            "rabbitmq.*", changes.Concat(management));
    }

    /// <summary>The lines of every resource, in the manifest's order, once the plan is whole.</summary>
    public IReadOnlyList<string> Complete(DeploymentPlan plan, IReadOnlyList<string> skip)
    {
        var used = UsedParameters(plan);
        foreach (var workload in plan.Services)
        {
            Service(workload);
        }
        foreach (var runOnce in plan.RunOnceTasks)
        {
            Add(runOnce.Resource, $"one-off Fargate task, run on every deployment and waited for before {Names(runOnce.CompletesBefore)} start{(plan.Added.Contains(runOnce.Resource) ? " (added by the deployment: it creates the databases RDS does not)" : "")}",
                $"services.{runOnce.Name}.cpu/memoryMiB", Dropped(runOnce));
        }
        foreach (var template in plan.Templates)
        {
            Add(template, $"included in the stack as it is (CfnInclude); its buckets are granted to {Names(template.References)}", "", []);
        }
        foreach (var resource in plan.Manifest.Resources.Where(r => !_lines.ContainsKey(r.Name)))
        {
            switch (resource)
            {
                case var _ when skip.Contains(resource.Name):
                    Add(resource, "not deployed: in the settings' skip", "skip", []);
                    break;
                case var _ when settings.ExternalServices.TryGetValue(resource.Name, out var address):
                    Add(resource, $"not deployed: runs outside the stack at {address.OriginalString}, which every address of it resolves to", $"externalServices.{resource.Name}", []);
                    break;
                case ManifestAnnotatedString implied when plan.Added.Contains(implied):
                    Add(resource, ImpliedResources.Describe(implied), "", []);
                    break;
                case ManifestParameter parameter:
                    Add(resource, Parameter(parameter, used.Contains(parameter.Name)), "", []);
                    break;
                case ManifestValue value when plan.DatabaseServers.FirstOrDefault(s => value.Template.StartsWith($"{{{s.Container.Name}.connectionString}};", StringComparison.Ordinal)) is { } server:
                    Add(resource, $"database of RDS '{server.Container.Name}', its connection string expanded into the values that use it", "", []);
                    break;
                default:
                    Add(resource, "expanded into the values that use it", "", []);
                    break;
            }
        }
        return [.. plan.Manifest.Resources.Select(r => _lines[r.Name])];
    }

    private void Service(Workload workload)
    {
        var size = settings.For(workload.Name, workload.SingleWriter);
        var ports = ServicePorts.Of(workload, settings.ProjectPort);
        var exposure = ports.Where(p => p.External).Select(p => p.PublicPort is { } port
            ? $"port {port} of its load balancer"
            : settings.Https ? $"its load balancer's HTTPS listener on 443 (80 redirects)" : "its load balancer on port 80 (plain HTTP, allowPlainHttp)").ToList();
        var becomes = $"Fargate service, {size.MinTasks}-{size.MaxTasks} tasks of {size.Cpu} CPU/{size.MemoryMiB} MiB"
            + (exposure.Count > 0 ? $", behind {string.Join(" and ", exposure)}" : "")
            + (ports.Count > 0 ? $"; inside the VPC {string.Join(", ", ports.Select(p => $"{workload.Name}:{p.Port} ({string.Join(", ", p.Bindings)})"))}" : "; no binding (a Service Connect client)");
        var changes = Dropped(workload).ToList();
        foreach (var (name, binding) in workload.Resource.Bindings.Where(b => b.Value.Scheme == "https"))
        {
            var port = ports.First(p => p.Bindings.Contains(name));
            var inside = $"{port.InternalScheme("https")}://{workload.Name}:{port.Port}";
            changes.Add(ServicePorts.PublicName(settings, workload.Name, binding) is { } host
                ? $"binding '{name}' is https://{host}, the load balancer's HTTPS listener, which forwards to {inside}"
                : port.Tls
                    ? $"binding '{name}' is {inside}: the container serves TLS on that port itself"
                    : $"binding '{name}' is {inside}: the same plain port, carried by Service Connect on the private network{(settings.ServiceConnectTlsAuthorityArn is null ? " (no certificate between tasks)" : ", encrypted by its proxies")}");
        }
        if (ports.Count(p => p.External) > 1)
        {
            changes.Add("more than one external port: released rolling (blue/green moves one port's traffic)");
        }
        if (workload.SingleWriter)
        {
            changes.Add($"volume{(workload.FileSystemVolumes.Count > 1 ? "s" : "")} {string.Join(", ", workload.FileSystemVolumes.Select(Volumes.Describe))} on an encrypted EFS file system with backups, one access point each; one task at a time writes it");
        }
        Add(workload.Resource, becomes, $"services.{workload.Name}.* or defaults.*", changes);
    }

    private static IEnumerable<string> Dropped(Workload workload) =>
        workload.DroppedVariables.Select(d => $"variable {d.Key} left out: {d.Value}");

    private string Parameter(ManifestParameter parameter, bool used)
    {
        if (!used)
        {
            return "used by nothing deployed: nothing made";
        }
        var input = parameter.Inputs.GetValueOrDefault("value");
        var made = input?.Generate is not null
            ? "Secrets Manager secret generated in the cloud"
            : $"stack parameter given at deployment (--parameter {parameter.Name}=… or Parameters__{parameter.Name}){(input?.DefaultValue is not null ? ", with its default" : "")}, copied into a Secrets Manager secret";
        return parameter.ConnectionString is null ? made : $"{made}; a connection string to a server outside the stack (its address parts, where values use them, are given at deployment too)";
    }

    private static HashSet<string> UsedParameters(DeploymentPlan plan)
    {
        var resolver = new ManifestResolver(plan.Manifest, plan.ConnectionStrings);
        var used = plan.Workloads.SelectMany(PlanChecks.Expressions).SelectMany(e => resolver.Leaves(e.Template, e.Location)).Select(l => l.Resource)
            .Concat(plan.DatabaseServers.Select(s => s.Password.Name))
            .Concat(plan.Caches.Select(c => c.Password.Name))
            .Concat(plan.Brokers.Select(b => b.Password.Name));
        return [.. used];
    }

    private void Add(ManifestResource resource, string becomes, string shapedBy, IEnumerable<string> changes)
    {
        var changed = changes.ToList();
        _lines[resource.Name] = $"- `{resource.Name}` ({resource.Type}): {becomes}."
            + (shapedBy.Length > 0 ? $" Settings: {shapedBy}." : "")
            + (changed.Count > 0 ? $" Changed: {string.Join("; ", changed)}." : "");
    }

    private static string Names(IEnumerable<string> names) => names.Any() ? string.Join(", ", names.Select(n => $"'{n}'")) : "nothing";
}
