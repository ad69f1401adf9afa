using System.Text.Json.Nodes;
using Platform.Deployment.Aws.Messaging;
using Platform.Deployment.Aws.Services;
using Platform.Deployment.Aws.Settings;
using Platform.Manifest;

namespace Platform.Deployment.Aws.Plan;

/// <summary>
/// Checks, before any CloudFormation is made, that every expression a Fargate task will receive resolves to
/// something this deployment supplies: an endpoint it runs, a parameter, an output of an included template.
/// </summary>
internal static class PlanChecks
{
    public static IEnumerable<string> Check(DeploymentPlan plan, DeploymentSettings settings)
    {
        var resolver = new ManifestResolver(plan.Manifest, plan.ConnectionStrings);
        var addressable = plan.DatabaseServers.Select(p => p.Container.Name)
            .Concat(plan.PostgresReplicas.Select(r => r.Container.Name))
            .Concat(plan.Caches.Select(r => r.Container.Name))
            .Concat(plan.Brokers.Select(r => r.Container.Name))
            .Concat(plan.Services.Select(s => s.Name))
            .Concat(settings.ExternalServices.Keys)
            // A resource published as a connection string: its address is given at deployment.
            .Concat(plan.Parameters.Where(p => p.ConnectionString is not null).Select(p => p.Name))
            .ToHashSet();
        var outputs = plan.Templates.ToDictionary(t => t.Name, t => TemplateOutputs(plan.Manifest, t));

        foreach (var broker in plan.Brokers)
        {
            foreach (var (name, binding) in broker.Container.Bindings.Where(b => b.Value.Transport != "tcp" && b.Key != RabbitMq.ManagementBinding))
            {
                yield return $"'{broker.Container.Name}' binding '{name}' ({binding.Transport}) has no counterpart on Amazon MQ, which serves AMQP and its web console";
            }
        }
        foreach (var workload in plan.Workloads)
        {
            foreach (var problem in Bindings(workload, settings))
            {
                yield return problem;
            }
            foreach (var (location, template) in Expressions(workload))
            {
                ResolvedValue value;
                string? problem = null;
                try
                {
                    value = resolver.Resolve(template, location);
                }
                catch (ManifestException e)
                {
                    value = new ResolvedValue([]);
                    problem = e.Message;
                }
                if (problem is not null)
                {
                    yield return problem;
                }
                foreach (var leaf in value.References)
                {
                    if (LeafProblem(plan, leaf, addressable, outputs) is { } leafProblem)
                    {
                        yield return $"{location}: '{leaf.Expression}' {leafProblem}";
                    }
                }
            }
        }
        var workloads = plan.Workloads.Select(w => w.Name).ToHashSet();
        foreach (var runOnce in plan.RunOnceTasks)
        {
            foreach (var target in runOnce.CompletesBefore.Where(t => !workloads.Contains(t)))
            {
                yield return settings.ExternalServices.ContainsKey(target)
                    ? $"'{runOnce.Name}' prepares '{target}', which runs outside the stack (externalServices): list '{runOnce.Name}' in the settings' skip"
                    : $"'{runOnce.Name}' completesBefore '{target}', which is not a service or run-once task of this deployment";
            }
        }
    }

    /// <summary>The expressions a workload's task receives: environment values (but those left out) and arguments.</summary>
    public static IEnumerable<(string Location, string Template)> Expressions(Workload workload) =>
        workload.Resource.Env.Where(e => !workload.DroppedVariables.ContainsKey(e.Key)).Select(e => ($"'{workload.Name}' env {e.Key}", e.Value))
            .Concat(workload.Resource.Args.Select((a, i) => ($"'{workload.Name}' args[{i}]", a)));

    private static IEnumerable<string> Bindings(Workload workload, DeploymentSettings settings)
    {
        foreach (var (name, binding) in workload.Resource.Bindings.Where(b => b.Value.External && b.Value.Transport is not ("http" or "http2")))
        {
            yield return $"'{workload.Name}' binding '{name}' is external {binding.Transport}: only HTTP is exposed, through a load balancer";
        }
        var taken = new HashSet<int> { 80, 443, settings.TestListenerPort };
        foreach (var port in ServicePorts.Of(workload, settings.ProjectPort).Where(p => p.PublicPort is not null))
        {
            if (!taken.Add(port.PublicPort!.Value))
            {
                yield return $"'{workload.Name}' binding '{port.Name}' would be served on port {port.PublicPort} of its load balancer, which another listener has (80, 443 and testListenerPort {settings.TestListenerPort} are taken): give the binding another port";
            }
        }
    }

    private static string? LeafProblem(DeploymentPlan plan, ReferencePart leaf, HashSet<string> addressable, Dictionary<string, HashSet<string>> outputs)
    {
        switch (leaf.Path[0])
        {
            case "bindings" when !addressable.Contains(leaf.Resource):
                return $"is an address of '{leaf.Resource}', which this deployment does not run as a service";
            case "inputs" when leaf.Filter == "uri" && plan.Parameters.Single(p => p.Name == leaf.Resource).Inputs[leaf.Path[1]].Generate is null:
                return "must be URI-encoded, which CloudFormation cannot do to a value given at deployment; only generated values (made URI-safe) can be";
            case "output" or "outputs":
                return !outputs.TryGetValue(leaf.Resource, out var names)
                    ? $"is an output of '{leaf.Resource}', which this deployment does not include"
                    : names.Contains(leaf.Path[1]) ? null : $"names an output that the template of '{leaf.Resource}' does not have (it has: {string.Join(", ", names.Order())})";
            case "secretOutputs":
                return "is a secret output of an Azure deployment";
            default:
                return null;
        }
    }

    private static HashSet<string> TemplateOutputs(AspireManifest manifest, ManifestCloudFormation template)
    {
        var path = manifest.FullPath(template.TemplatePath!);
        return File.Exists(path)
            ? [.. (JsonNode.Parse(File.ReadAllText(path))?["Outputs"] as JsonObject ?? []).Select(o => o.Key)]
            : throw new DeploymentException($"'{template.Name}': its template '{path}' was not found");
    }
}
