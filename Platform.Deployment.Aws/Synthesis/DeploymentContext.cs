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
internal sealed class DeploymentContext
{
    public DeploymentContext(Stack stack, DeploymentPlan plan, DeploymentSettings settings, IVpc vpc)
    {
        Stack = stack;
        Plan = plan;
        Settings = settings;
        Vpc = vpc;
        Resolver = new(plan.Manifest, plan.ConnectionStrings);
        Parameters = new(stack, plan);
        Endpoints = new(Parameters);
    }

    public Stack Stack { get; }
    public DeploymentPlan Plan { get; }
    public DeploymentSettings Settings { get; }
    public IVpc Vpc { get; }
    public ManifestResolver Resolver { get; }
    public Endpoints Endpoints { get; }
    public ParameterSecrets Parameters { get; }
    public TemplateOutputs Outputs { get; } = new();

    private Monitoring? _monitoring;

    public Monitoring Monitoring => _monitoring ??= new Monitoring(this);

    public SubnetSelection PrivateSubnets => new() { SubnetType = SubnetType.PRIVATE_WITH_EGRESS };

    public SubnetSelection DataSubnets => new() { SubnetType = SubnetType.PRIVATE_ISOLATED };
}
