using Platform.Deployment.Aws.Fargate;
using Platform.Deployment.Aws.Mappings;
using Platform.Deployment.Aws.Rds;
using Platform.Deployment.Aws.Settings;
using Platform.Manifest;

namespace Platform.Deployment.Aws.Plan;

/// <summary>
/// Decides what each manifest resource becomes, by the first of <see cref="ResourceMappings.All"/> that takes it (see
/// README, "Mapping"), and checks every expression the deployment will resolve. Whatever cannot be mapped is collected
/// and reported at once, one line per problem, each naming its resource; what can is written as the plan's report, one
/// line per resource.
/// </summary>
internal static class PlanBuilder
{
    public static DeploymentPlan Build(AspireManifest manifest, DeploymentSettings settings, Func<ManifestWorkload, string> buildCommand)
    {
        var implied = ImpliedResources.Of(manifest);
        manifest = manifest.With(implied);
        var skip = settings.Skip;
        var problems = skip.Where(s => !manifest.TryGet(s, out _)).Select(s => $"'{s}' is in the settings' skip list but not in the manifest")
            .Concat(ExternalServiceProblems(manifest, settings)).ToList();
        var planning = new Planning(manifest, settings, buildCommand);
        var planned = new List<PlannedResource>();
        foreach (var resource in manifest.Resources.Where(r => !skip.Contains(r.Name) && !settings.ExternalServices.ContainsKey(r.Name)))
        {
            try
            {
                planned.Add(ResourceMappings.For(resource).Plan(resource, planning));
            }
            catch (Exception e) when (e is DeploymentException or ManifestException)
            {
                problems.AddRange(e.Message.Split('\n'));
            }
        }
        // What the deployment added while planning (a cache's auth token) is planned like the manifest's own.
        planned.AddRange(planning.Added.Select(a => ResourceMappings.For(a).Plan(a, planning)));

        var extended = manifest.With(planning.Added);
        var resolver = new ManifestResolver(extended, planned.Where(p => p.ConnectionString is not null).ToDictionary(p => p.Name, p => p.ConnectionString!));
        planned = [.. planned.Select(p => p is Workload workload ? workload.WithoutSkipped(resolver, skip) : p)];
        foreach (var server in planned.OfType<DatabaseServer>().ToList())
        {
            if (DatabaseSteps.For(server, planned, resolver) is { } step)
            {
                // The first run-once task: before those it prepares.
                var firstRunOnce = planned.FindIndex(p => p is Workload { RunOnce: true });
                planned.Insert(firstRunOnce < 0 ? planned.Count : firstRunOnce, step);
                planning.Add(step.Resource);
            }
        }

        var plan = new DeploymentPlan
        {
            Manifest = manifest.With(planning.Added),
            Settings = settings,
            Added = [.. implied, .. planning.Added],
            Resources = planned,
            Rewrites = planning.Rewrites,
        };
        problems.AddRange(PlanChecks.Check(plan));
        if (problems.Count > 0)
        {
            throw new DeploymentException($"The manifest cannot be deployed to ECS as it is:\n  {string.Join("\n  ", problems.Distinct())}");
        }
        return plan with { Report = PlanReport.Lines(plan) };
    }

    private static IEnumerable<string> ExternalServiceProblems(AspireManifest manifest, DeploymentSettings settings)
    {
        foreach (var (name, _) in settings.ExternalServices)
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
}
