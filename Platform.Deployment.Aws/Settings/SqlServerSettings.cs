namespace Platform.Deployment.Aws.Settings;

/// <summary>
/// SQL Server's RDS instances: Standard Edition, license included, on the smallest class it runs on. Express has no
/// Multi-AZ and caps a database at 10 GB; Web may serve only public web workloads under its license.
/// </summary>
public sealed record SqlServerSettings : RdsSettings
{
    public SqlServerSettings()
    {
        InstanceClass = "m5.large";
    }

    /// <summary><c>se</c> (Standard), <c>ee</c> (Enterprise), <c>web</c> or <c>ex</c> (Express).</summary>
    public string Edition { get; init; } = "se";
}
