namespace Platform.Deployment.Aws.Plan;

/// <summary>
/// The plan in words, like <c>terraform plan</c>: one line per manifest resource, in the manifest's order (then what the
/// deployment adds), saying what it becomes on AWS, which settings shaped it, and what was dropped or substituted and
/// why. <c>synth</c> prints it and writes it as plan.md.
/// </summary>
internal static class PlanReport
{
    public static IReadOnlyList<string> Lines(DeploymentPlan plan) =>
        [.. plan.Manifest.Resources.Select(resource => (plan.Find(resource.Name)?.Describe(plan) ?? NotDeployed(plan, resource.Name)).Format(resource))];

    private static PlanLine NotDeployed(DeploymentPlan plan, string resource) =>
        plan.Settings.ExternalServices.TryGetValue(resource, out var address)
            ? new($"not deployed: runs outside the stack at {address.OriginalString}, which every address of it resolves to", $"externalServices.{resource}")
            : new("not deployed: in the settings' skip", "skip");
}
