using Platform.Deployment.Aws.Databases;
using Platform.Manifest;

namespace Platform.Deployment.Aws.Plan;

/// <summary>
/// A database container deployed as an RDS instance of its engine. <see cref="UserName"/> is the master user (a literal,
/// or a parameter's expression); <see cref="Databases"/> are the databases the manifest derives from it, in order.
/// </summary>
internal sealed record DatabaseServer(ManifestContainer Container, RdsEngine Engine, string EngineVersion, string UserName, ManifestParameter Password, IReadOnlyList<string> Databases)
{
    /// <summary>The database RDS creates with the instance (its first), if the engine creates one.</summary>
    public string? CreatedByRds => Engine.RdsCreatesDatabase ? Databases.FirstOrDefault() : null;

    /// <summary>The databases the deployment's step creates when they are missing, before their users start.</summary>
    public IReadOnlyList<string> CreatedByStep => [.. Databases.Where(d => d != CreatedByRds)];

    /// <summary>The run-once step that creates <see cref="CreatedByStep"/>.</summary>
    public string StepName => $"{Container.Name}-databases";
}
