using Platform.Manifest;

namespace Platform.Deployment.Aws.Plan;

/// <summary>A replica container (it has <c>POSTGRES_PRIMARY_HOST</c>), deployed as an RDS read replica of <see cref="Primary"/>.</summary>
internal sealed record PostgresReplica(ManifestContainer Container, string Primary);
