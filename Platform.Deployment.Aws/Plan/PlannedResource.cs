using Platform.Manifest;

namespace Platform.Deployment.Aws.Plan;

/// <summary>What a mapping decided one manifest resource becomes on AWS, before anything is synthesized.</summary>
internal abstract record PlannedResource
{
    public abstract ManifestResource Resource { get; }

    public string Name => Resource.Name;

    /// <summary>Whether the deployment gives the resource's bindings addresses (<c>{r.bindings.b.host}</c>).</summary>
    public virtual bool Addressable => false;

    /// <summary>The connection string clients use in the cloud, when the managed service changes the manifest's.</summary>
    public virtual string? ConnectionString => null;

    /// <summary>Parameters the managed service takes as its own secret (a master password, an auth token).</summary>
    public virtual IEnumerable<ManifestParameter> Secrets => [];

    /// <summary>What cannot be deployed of it (one line each), found once the whole plan is known.</summary>
    public virtual IEnumerable<string> Problems(DeploymentPlan plan) => [];

    /// <summary>What it becomes, the settings that shaped it, and what was dropped or substituted: its line of the plan.</summary>
    public abstract PlanLine Describe(DeploymentPlan plan);
}
