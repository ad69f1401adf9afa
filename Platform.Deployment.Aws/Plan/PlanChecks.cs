using System.Text.Json.Nodes;
using Platform.Manifest;

namespace Platform.Deployment.Aws.Plan;

/// <summary>
/// Checks, before any CloudFormation is made, that every expression a Fargate task will receive resolves to
/// something this deployment supplies: an endpoint it runs, a parameter, an output of an included template.
/// </summary>
internal static class PlanChecks
{
    public static IEnumerable<string> Check(DeploymentPlan plan)
    {
        var resolver = new ManifestResolver(plan.Manifest, plan.ConnectionStrings);
        var addressable = plan.PostgresServers.Select(p => p.Container.Name)
            .Concat(plan.PostgresReplicas.Select(r => r.Container.Name))
            .Concat(plan.RedisCaches.Select(r => r.Container.Name))
            .Concat(plan.Services.Select(s => s.Name))
            .ToHashSet();
        var outputs = plan.Templates.ToDictionary(t => t.Name, t => TemplateOutputs(plan.Manifest, t));

        foreach (var workload in plan.Services.Concat(plan.RunOnceTasks))
        {
            foreach (var problem in Bindings(workload))
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
        foreach (var runOnce in plan.RunOnceTasks)
        {
            foreach (var target in runOnce.CompletesBefore.Where(t => plan.Services.All(s => s.Name != t)))
            {
                yield return $"'{runOnce.Name}' completesBefore '{target}', which is not a service of this deployment";
            }
        }
    }

    /// <summary>The expressions a workload's task receives: environment values and arguments.</summary>
    public static IEnumerable<(string Location, string Template)> Expressions(Workload workload) =>
        workload.Resource.Env.Select(e => ($"'{workload.Name}' env {e.Key}", e.Value))
            .Concat(workload.Resource.Args.Select((a, i) => ($"'{workload.Name}' args[{i}]", a)));

    private static IEnumerable<string> Bindings(Workload workload)
    {
        foreach (var (name, binding) in workload.Resource.Bindings)
        {
            if (binding.Scheme == "https" && binding.TargetPort is null)
            {
                yield return $"'{workload.Name}' binding '{name}' is https on a port the deployment chooses: TLS between tasks is not mapped (the load balancer serves external traffic); remove the https endpoint from the published graph";
            }
            else if (binding.External && binding.Transport is not ("http" or "http2"))
            {
                yield return $"'{workload.Name}' binding '{name}' is external {binding.Transport}: only HTTP is exposed, through a load balancer";
            }
        }
        if (workload.Resource.Bindings.Values.Count(b => b.External) > 1)
        {
            yield return $"'{workload.Name}' has more than one external binding: its load balancer serves one";
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
