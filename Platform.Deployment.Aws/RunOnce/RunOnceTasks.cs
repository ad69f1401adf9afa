using Amazon.CDK;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Platform.Deployment.Aws.Logs;
using Platform.Deployment.Aws.Fargate;
using Platform.Deployment.Aws.Synthesis;

namespace Platform.Deployment.Aws.RunOnce;

/// <summary>
/// <c>platform.project.run-once.v0</c> (the migration step) as a task definition that a custom resource runs on
/// every deployment (the <c>DeploymentId</c> parameter changes each time), waiting for exit code 0; the resources
/// in its <c>completesBefore</c> depend on that custom resource, so CloudFormation creates or updates them only after
/// it has succeeded, and a failure rolls the deployment back. A small Lambda function (<c>run-once.js</c>, inline in
/// the template) starts the task and waits for it, for at most 15 minutes. The deployment's own steps (creating the
/// databases RDS does not) are run-once tasks too, waited for by the services and run-once tasks that use them.
/// </summary>
internal static class RunOnceTasks
{
    public static void Create(DeploymentContext context, Cluster cluster, IEnumerable<FargateWorkload> tasks, IReadOnlyDictionary<string, FargateService> services)
    {
        var list = tasks.ToList();
        if (list.Count == 0)
        {
            return;
        }
        var deploymentId = new CfnParameter(context.Stack, "DeploymentId", new CfnParameterProps
        {
            Type = "String",
            Default = "initial",
            Description = "Any value that changes on each deployment (the deploy command passes the time), so run-once tasks run on every deployment",
        });
        var runner = new Function(context.Stack, "RunOnceRunner", new FunctionProps
        {
            // Node.js 24, supported until 2028 (nodejs20.x was deprecated on 2026-04-30); Amazon.CDK.Lib 2.160 has no constant for it.
            Runtime = new Runtime("nodejs24.x", RuntimeFamily.NODEJS, new LambdaRuntimeProps { SupportsInlineCode = true }),
            Handler = "index.handler",
            Code = Code.FromInline(Script()),
            Timeout = Duration.Minutes(15),
            MemorySize = 256,
            Description = "Runs the run-once tasks (migrations) during deployments and waits for their exit code",
            LogGroup = LogGroups.Create(context.Stack, "RunOnceRunnerLogs", context.Settings),
        });
        var runs = new Dictionary<string, CustomResource>();
        foreach (var task in list)
        {
            Permit(runner, cluster, task);
            var run = new CustomResource(task, LogicalIds.Of(task.Resource) + "Run", new CustomResourceProps
            {
                ServiceToken = runner.FunctionArn,
                ResourceType = "Custom::RunOnce",
                Properties = new Dictionary<string, object>
                {
                    ["Cluster"] = cluster.ClusterArn,
                    ["TaskDefinition"] = task.Definition.TaskDefinitionArn,
                    ["Container"] = task.Resource,
                    ["Subnets"] = context.Vpc.SelectSubnets(context.PrivateSubnets).SubnetIds,
                    ["SecurityGroups"] = new[] { task.SecurityGroup.SecurityGroupId },
                    ["DeploymentId"] = deploymentId.ValueAsString,
                },
            });
            runs.Add(task.Resource, run);
        }
        foreach (var task in list)
        {
            foreach (var target in task.Workload.CompletesBefore)
            {
                // A run-once task may wait for another, as a migration waits for the step that creates its database.
                (services.TryGetValue(target, out var service) ? service.Node : runs[target].Node).AddDependency(runs[task.Resource]);
            }
        }
    }

    /// <summary>The runner may start this task definition in this cluster, read its tasks, and pass its two roles to ECS: nothing else.</summary>
    private static void Permit(Function runner, Cluster cluster, FargateWorkload task)
    {
        runner.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["ecs:RunTask"],
            Resources = [task.Definition.TaskDefinitionArn],
            Conditions = new Dictionary<string, object> { ["ArnEquals"] = new Dictionary<string, object> { ["ecs:cluster"] = cluster.ClusterArn } },
        }));
        runner.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["ecs:DescribeTasks"],
            Resources = [cluster.Stack.FormatArn(new ArnComponents { Service = "ecs", Resource = "task", ResourceName = $"{cluster.ClusterName}/*" })],
        }));
        runner.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["iam:PassRole"],
            Resources = [task.Definition.TaskRole.RoleArn, task.Definition.ExecutionRole!.RoleArn],
        }));
    }

    private static string Script()
    {
        using var stream = typeof(RunOnceTasks).Assembly.GetManifestResourceStream("RunOnce.run-once.js")!;
        return new StreamReader(stream).ReadToEnd();
    }
}
