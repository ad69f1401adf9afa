using Amazon.CDK.AWS.EC2;
using Platform.Deployment.Aws.Alarms;
using Platform.Deployment.Aws.Logs;
using Platform.Deployment.Aws.Plan;
using Platform.Deployment.Aws.SecretsManager;
using Platform.Deployment.Aws.Settings;
using Platform.Manifest;

namespace Platform.Deployment.Aws.Synthesis;

/// <summary>
/// What every mapping's constructs share: the stack and its network, the plan and the settings, the parameters'
/// secrets (made on first use), the monitoring that their alarms and dashboard rows go to, and the bucket of their access logs. What one resource gives
/// another (an address, a bucket) is not here: a mapping gets it from the constructs made before it.
/// </summary>
internal sealed class DeploymentContext
{
    public DeploymentContext(DeploymentStack stack, DeploymentPlan plan, IVpc vpc)
    {
        Stack = stack;
        Plan = plan;
        Vpc = vpc;
        Resolver = new(plan.Manifest, plan.ConnectionStrings);
        Parameters = new(this);
        Monitoring = new(this);
        AccessLogs = new(this);
    }

    public DeploymentStack Stack { get; }
    public DeploymentPlan Plan { get; }
    public DeploymentSettings Settings => Plan.Settings;
    public IVpc Vpc { get; }
    public ManifestResolver Resolver { get; }
    public ParameterSecrets Parameters { get; }
    public Monitoring Monitoring { get; }
    public AccessLogs AccessLogs { get; }

    public SubnetSelection PrivateSubnets => new() { SubnetType = SubnetType.PRIVATE_WITH_EGRESS };

    public SubnetSelection DataSubnets => new() { SubnetType = SubnetType.PRIVATE_ISOLATED };
}
