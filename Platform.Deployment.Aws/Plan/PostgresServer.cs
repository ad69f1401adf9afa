using Platform.Manifest;

namespace Platform.Deployment.Aws.Plan;

/// <summary>A PostgreSQL container, deployed as RDS; <see cref="Database"/> is the database the manifest derives from it (RDS creates it).</summary>
public sealed record PostgresServer(ManifestContainer Container, string EngineVersion, string UserName, ManifestParameter Password, string? Database);
