using Platform.Deployment.Aws.Plan;
using Platform.Manifest;
using Platform.Manifest.Conventions;

namespace Platform.Deployment.Aws.Rds;

/// <summary>A replica container (it has <c>POSTGRES_PRIMARY_HOST</c>), deployed as an RDS read replica of <see cref="Primary"/>.</summary>
internal sealed record PostgresReplica(ManifestContainer Container, string Primary, IReadOnlyList<string> Changes) : PlannedResource
{
    public override ManifestResource Resource => Container;

    public override bool Addressable => true;

    public override PlanLine Describe(DeploymentPlan plan) =>
        new($"RDS read replica of '{Primary}', storage encrypted as its primary's (inherited with its key), isolated subnets (its {PostgresContainer.PrimaryHost} names the primary)", "postgres.instanceClass", Changes);
}
