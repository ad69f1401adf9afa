using Platform.Deployment.Aws.Plan;
using Platform.Manifest;

namespace Platform.Deployment.Aws.SecretsManager;

/// <summary>A parameter, made a Secrets Manager secret when something deployed uses it.</summary>
internal sealed record PlannedParameter(ManifestParameter Parameter) : PlannedResource
{
    public override ManifestResource Resource => Parameter;

    public override PlanLine Describe(DeploymentPlan plan)
    {
        if (!Used(plan))
        {
            return new("used by nothing deployed: nothing made");
        }
        var input = Parameter.Inputs.GetValueOrDefault("value");
        var made = input?.Generate is not null
            ? "Secrets Manager secret generated in the cloud"
            : $"stack parameter given at deployment (--parameter {Name}=… or Parameters__{Name}){(input?.DefaultValue is not null ? ", with its default" : "")}, copied into a Secrets Manager secret";
        return new(Parameter.ConnectionString is null ? made : $"{made}; a connection string to a server outside the stack (its address parts, where values use them, are given at deployment too)");
    }

    /// <summary>Whether a task's value, or a managed service as its own secret, uses it.</summary>
    private bool Used(DeploymentPlan plan)
    {
        var resolver = new ManifestResolver(plan.Manifest, plan.ConnectionStrings);
        return plan.Resources.SelectMany(r => r.Secrets).Any(s => s.Name == Name)
            || plan.Workloads.SelectMany(w => w.Expressions).SelectMany(e => resolver.Leaves(e.Template, e.Location)).Any(l => l.Resource == Name);
    }
}
