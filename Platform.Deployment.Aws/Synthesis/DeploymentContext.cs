using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Platform.Deployment.Aws.Alarms;
using Platform.Deployment.Aws.Plan;
using Platform.Deployment.Aws.Secrets;
using Platform.Deployment.Aws.Settings;
using Platform.Deployment.Aws.Values;
using Platform.Manifest;

namespace Platform.Deployment.Aws.Synthesis;

/// <summary>What every part of the deployment shares: the stack, the plan and the registries that resolve values.</summary>
internal sealed class DeploymentContext(Stack stack, DeploymentPlan plan, DeploymentSettings settings, IVpc vpc)
{
    public Stack Stack { get; } = stack;
    public DeploymentPlan Plan { get; } = plan;
    public DeploymentSettings Settings { get; } = settings;
    public IVpc Vpc { get; } = vpc;
    public ManifestResolver Resolver { get; } = new(plan.Manifest, plan.ConnectionStrings);
    public Endpoints Endpoints { get; } = new();
    public ParameterSecrets Parameters { get; } = new(stack, plan);
    public TemplateOutputs Outputs { get; } = new();

    private Monitoring? _monitoring;

    public Monitoring Monitoring => _monitoring ??= new Monitoring(this);

    public SubnetSelection PrivateSubnets => new() { SubnetType = SubnetType.PRIVATE_WITH_EGRESS };

    public SubnetSelection DataSubnets => new() { SubnetType = SubnetType.PRIVATE_ISOLATED };
}
