using Amazon.CDK;
using Platform.Deployment.Aws.Fargate;
using Platform.Deployment.Aws.Https;
using Platform.Deployment.Aws.Mappings;
using Platform.Deployment.Aws.Network;
using Platform.Deployment.Aws.Plan;
using Platform.Deployment.Aws.Settings;
using Platform.Deployment.Aws.Tags;
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
        var stack = new DeploymentStack(app, settings.StackName, new StackProps
        {
            Description = "Generated from an Aspire manifest by Platform.Deployment.Aws (dotnet run --project Platform.Deployment.Aws -- synth)",
        });
        var context = new DeploymentContext(stack, plan, VirtualNetwork.Create(stack, settings));
        var made = new List<MappedResource>();
        foreach (var mapping in ResourceMappings.All)
        {
            made.AddRange(mapping.Synthesize(context, made));
        }
        context.Monitoring.Complete();
        CostTags.Apply(context);
        stack.KeepLogicalIds();
        app.Synth();
        var template = Path.Combine(assembly, stack.TemplateFile);
        File.WriteAllText(Path.Combine(assembly, PlanFile), PlanDocument(plan));
        return new SynthesisResult(assembly, stack.StackName, template, context.Parameters.StackParameters, warning is null ? [] : [warning]) { Plan = plan.Report };
    }

    /// <summary>The plan's report, written beside the template.</summary>
    public const string PlanFile = "plan.md";

    private static string PlanDocument(DeploymentPlan plan) =>
        $"# Deployment plan\n\nWhat each resource of the manifest becomes on AWS (README, \"Mapping\").\n\n{string.Join("\n", plan.Report)}\n";
}
