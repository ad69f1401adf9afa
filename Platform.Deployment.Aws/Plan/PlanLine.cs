using Platform.Manifest;

namespace Platform.Deployment.Aws.Plan;

/// <summary>One resource in the plan, like a line of <c>terraform plan</c>: what it becomes on AWS, the settings that shaped it, what changed and why.</summary>
internal sealed record PlanLine(string Becomes, string Settings = "", IReadOnlyList<string>? Changes = null)
{
    /// <summary>The line as plan.md prints it: <c>- `pg` (container.v0): RDS PostgreSQL 17.6, …. Settings: postgres.*. Changed: ….</c></summary>
    public string Format(ManifestResource resource)
    {
        var changes = Changes ?? [];
        return $"- `{resource.Name}` ({resource.Type}): {Becomes}."
            + (Settings.Length > 0 ? $" Settings: {Settings}." : "")
            + (changes.Count > 0 ? $" Changed: {string.Join("; ", changes)}." : "");
    }
}
