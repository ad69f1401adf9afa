using System.Text.Json.Nodes;
using Platform.Deployment.Aws.S3;
using Platform.Manifest;

namespace Platform.Deployment.Aws.Plan;

/// <summary>
/// Checks, before any CloudFormation is made, that every expression a Fargate task will receive resolves to
/// something this deployment supplies: an endpoint it runs, a parameter, an output of an included template; and
/// whatever each resource's mapping finds once the whole plan is known.
/// </summary>
internal static class PlanChecks
{
    public static IEnumerable<string> Check(DeploymentPlan plan)
    {
        var settings = plan.Settings;
        var resolver = new ManifestResolver(plan.Manifest, plan.ConnectionStrings);
        var addressable = plan.Resources.Where(r => r.Addressable).Select(r => r.Name)
            .Concat(settings.ExternalServices.Keys)
            // A resource published as a connection string: its address is given at deployment.
            .Concat(plan.Parameters.Where(p => p.ConnectionString is not null).Select(p => p.Name))
            .ToHashSet();
        var outputs = plan.Of<IncludedStorage>().ToDictionary(t => t.Name, t => TemplateOutputs(plan.Manifest, t.Template));

        foreach (var problem in plan.Resources.SelectMany(r => r.Problems(plan)))
        {
            yield return problem;
        }
        foreach (var workload in plan.Workloads)
        {
            foreach (var (location, template) in workload.Expressions)
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
