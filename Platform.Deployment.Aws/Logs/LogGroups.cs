using Amazon.CDK;
using Amazon.CDK.AWS.Logs;
using Constructs;
using Platform.Deployment.Aws.Settings;

namespace Platform.Deployment.Aws.Logs;

/// <summary>Log groups with the settings' retention, rounded up to a period CloudWatch Logs accepts.</summary>
internal static class LogGroups
{
    private static readonly int[] Allowed = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

    public static LogGroup Create(Construct scope, string id, DeploymentSettings settings)
    {
        var group = new LogGroup(scope, id, new LogGroupProps { RemovalPolicy = RemovalPolicy.RETAIN });
        ((CfnLogGroup)group.Node.DefaultChild!).RetentionInDays = Allowed.FirstOrDefault(a => a >= settings.LogRetentionDays, Allowed[^1]);
        return group;
    }
}
