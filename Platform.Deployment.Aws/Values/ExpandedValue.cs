using Platform.Deployment.Aws.ElastiCache;
using Platform.Deployment.Aws.Plan;
using Platform.Deployment.Aws.Rds;
using Platform.Manifest;

namespace Platform.Deployment.Aws.Values;

/// <summary>A <c>value.v0</c> or <c>annotated.string</c>: nothing of its own on AWS, expanded into the values that use it.</summary>
internal sealed record ExpandedValue(ManifestResource Value) : PlannedResource
{
    public override ManifestResource Resource => Value;

    public override PlanLine Describe(DeploymentPlan plan) => Value switch
    {
        ManifestAnnotatedString implied when plan.Added.Contains(implied) => new(ImpliedResources.Describe(implied)),
        ManifestValue value when plan.Of<CacheCluster>().FirstOrDefault(c => c.TlsCondition == value.Name) is { } cache =>
            new($"Aspire's TLS condition of '{cache.Name}': ',ssl=true' in its connection string, since ElastiCache has TLS"),
        ManifestValue value when plan.Of<DatabaseServer>().FirstOrDefault(s => value.Template.StartsWith($"{{{s.Name}.connectionString}};", StringComparison.Ordinal)) is { } server =>
            new($"database of RDS '{server.Name}', its connection string expanded into the values that use it"),
        _ => new("expanded into the values that use it"),
    };
}
