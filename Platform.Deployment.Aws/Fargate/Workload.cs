using System.Text.RegularExpressions;
using Platform.Deployment.Aws.Plan;
using Platform.Manifest;

namespace Platform.Deployment.Aws.Fargate;

/// <summary>
/// A project or container run on Fargate: a service, or a run-once task. <see cref="Image"/> is the image to run, or
/// null when it is built from the repository (a project, or a container built from a Dockerfile) and given as a stack
/// parameter.
/// </summary>
internal sealed partial record Workload(ManifestWorkload Resource, string? Image, string? BuildCommand) : PlannedResource
{
    public override ManifestWorkload Resource { get; } = Resource;

    /// <summary>Runs once per deployment to completion (a migration, a step the deployment adds), rather than as a service.</summary>
    public bool RunOnce { get; init; } = Resource is ManifestProject { IsRunOnce: true };

    /// <summary>For a run-once task: the services and run-once tasks that start only after it has succeeded.</summary>
    public IReadOnlyList<string> CompletesBefore { get; init; } = Resource is ManifestProject project ? project.CompletesBefore : [];

    /// <summary>The named volumes kept on an EFS file system, mounted where the manifest mounts them.</summary>
    public IReadOnlyList<ManifestVolume> FileSystemVolumes { get; init; } = [];

    /// <summary>The user the container runs as (null: the image's own), and whether its root file system is read-only.</summary>
    public string? User { get; init; }

    public bool ReadOnlyRoot { get; init; }

    /// <summary>Environment variables left out of the task, with why (they use a resource the settings skip, or would have a project serve HTTPS where TLS ends before it).</summary>
    public IReadOnlyDictionary<string, string> DroppedVariables { get; init; } = new Dictionary<string, string>();

    /// <summary>Keeps data on a file system, so one task writes it at a time.</summary>
    public bool SingleWriter => FileSystemVolumes.Count > 0;

    public override bool Addressable => !RunOnce;

    /// <summary>The expressions its task receives: environment values (but those left out) and arguments.</summary>
    public IEnumerable<(string Location, string Template)> Expressions =>
        Resource.Env.Where(e => !DroppedVariables.ContainsKey(e.Key)).Select(e => ($"'{Name}' env {e.Key}", e.Value))
            .Concat(Resource.Args.Select((a, i) => ($"'{Name}' args[{i}]", a)));

    /// <summary>Also leaves out the variables whose values use a skipped resource, saying so.</summary>
    public Workload WithoutSkipped(ManifestResolver resolver, IReadOnlyList<string> skip)
    {
        var dropped = new Dictionary<string, string>(DroppedVariables, StringComparer.Ordinal);
        foreach (var (variable, template) in Resource.Env.Where(e => !DroppedVariables.ContainsKey(e.Key)))
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
        return dropped.Count == DroppedVariables.Count ? this : this with { DroppedVariables = dropped };
    }

    /// <summary>Whether one of its values uses an address of <paramref name="resource"/>.</summary>
    public bool UsesAddressOf(ManifestResolver resolver, string resource) =>
        Expressions.Any(e =>
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

    public override IEnumerable<string> Problems(DeploymentPlan plan) => ServicePorts.Problems(this, plan.Settings);

    public override PlanLine Describe(DeploymentPlan plan) => RunOnce
        ? new($"one-off Fargate task, run on every deployment and waited for before {Names(CompletesBefore)} start{(plan.Added.Contains(Resource) ? " (added by the deployment: it creates the databases RDS does not)" : "")}",
            $"services.{Name}.cpu/memoryMiB", [.. Dropped])
        : ServiceLine.Of(this, plan.Settings, [.. Dropped]);

    private IEnumerable<string> Dropped => DroppedVariables.Select(d => $"variable {d.Key} left out: {d.Value}");

    /// <summary>The resources a template names directly (<c>{r.…}</c>), before expansion.</summary>
    private static IEnumerable<string> Named(string template) => Reference().Matches(template).Select(m => m.Groups["resource"].Value);

    [GeneratedRegex(@"\{(?<resource>[A-Za-z0-9_-]+)\.")]
    private static partial Regex Reference();

    private static string Names(IEnumerable<string> names) => names.Any() ? string.Join(", ", names.Select(n => $"'{n}'")) : "nothing";
}
