using Amazon.CDK;
using Platform.Deployment.Aws.Https;
using Platform.Deployment.Aws.Network;
using Platform.Deployment.Aws.Plan;
using Platform.Deployment.Aws.Caches;
using Platform.Deployment.Aws.Databases;
using Platform.Deployment.Aws.Messaging;
using Platform.Deployment.Aws.RunOnce;
using Platform.Deployment.Aws.Services;
using Platform.Deployment.Aws.Settings;
using Platform.Deployment.Aws.Storage;
using Platform.Deployment.Aws.Tags;
using Platform.Deployment.Aws.Values;
using Platform.Manifest;

namespace Platform.Deployment.Aws.Synthesis;

/// <summary>
/// Turns an Aspire manifest into an AWS CDK app and synthesizes it, offline, into CloudFormation under
/// <c>{outputPath}/cdk.out</c>. The plan is checked first, so nothing is synthesized from a manifest that cannot be
/// deployed whole. The CDK for .NET runs its JavaScript core in Node.js (through jsii), which is most of the time.
/// </summary>
public static class EcsSynthesizer
{
    public const string CloudAssemblyFolder = "cdk.out";

    public static SynthesisResult Synthesize(AspireManifest manifest, DeploymentSettings settings, string outputPath)
    {
        var plan = PlanBuilder.Build(manifest, settings, BuildCommands.For(settings));
        // Checked before the output folder is touched: a deployment that fails its checks writes nothing.
        var warning = EncryptionCheck.Check(settings, plan);
        var assembly = Path.Combine(Path.GetFullPath(outputPath), CloudAssemblyFolder);
        if (Directory.Exists(assembly))
        {
            // A stack left from an earlier synthesis of another manifest must not be deployed with this one.
            Directory.Delete(assembly, recursive: true);
        }
        JsiiRuntime.EnsureStarted();
        var app = new App(new AppProps { Outdir = assembly, AnalyticsReporting = false });
        var stack = new Stack(app, settings.StackName, new StackProps
        {
            Description = "Generated from an Aspire manifest by Platform.Deployment.Aws (dotnet run --project Platform.Deployment.Aws -- synth)",
        });
        var context = new DeploymentContext(stack, plan, settings, VirtualNetwork.Create(stack, settings));
        Build(context);
        app.Synth();
        var template = Path.Combine(assembly, stack.TemplateFile);
        File.WriteAllText(Path.Combine(assembly, PlanFile), PlanDocument(plan));
        return new SynthesisResult(assembly, stack.StackName, template, context.Parameters.StackParameters, warning is null ? [] : [warning]) { Plan = plan.Report };
    }

    /// <summary>The plan's report, written beside the template.</summary>
    public const string PlanFile = "plan.md";

    private static string PlanDocument(DeploymentPlan plan) =>
        $"# Deployment plan\n\nWhat each resource of the manifest becomes on AWS (README, \"Mapping\").\n\n{string.Join("\n", plan.Report)}\n";

    private static void Build(DeploymentContext context)
    {
        RdsInstances.Create(context);
        ElastiCacheGroups.Create(context);
        AmazonMqBrokers.Create(context);
        var templates = IncludedTemplates.Create(context);
        var cluster = ServiceCluster.Create(context);
        var tasks = new TaskDefinitions(context, new Images(context), new TaskValues(context), new Telemetry.CollectorSidecar(context));
        var services = new FargateServices(context, cluster, templates);

        var workloads = context.Plan.Services.Concat(context.Plan.RunOnceTasks).ToList();
        var securityGroups = workloads.ToDictionary(w => w.Name, tasks.SecurityGroupFor);
        services.RegisterEndpoints(securityGroups);
        foreach (var (name, address) in context.Settings.ExternalServices)
        {
            context.Endpoints.AddExternal(context.Plan.Manifest[name], address);
        }
        var serviceTasks = context.Plan.Services.Select(w => tasks.Create(w, securityGroups[w.Name], withCollector: true)).ToList();
        // A run-once task exits in minutes, before a collector would have flushed anything: it logs only.
        var runOnceTasks = context.Plan.RunOnceTasks.Select(w => tasks.Create(w, securityGroups[w.Name], withCollector: false)).ToList();
        foreach (var task in runOnceTasks)
        {
            templates.Grant(task.Workload.Name, task.Definition.TaskRole);
        }
        RunOnceTasks.Create(context, cluster, runOnceTasks, services.Create(serviceTasks));
        FargateServices.AllowAccess(context, serviceTasks.Concat(runOnceTasks));
        context.Monitoring.Complete();
        CostTags.Apply(context);
    }
}
