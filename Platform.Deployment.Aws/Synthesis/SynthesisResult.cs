namespace Platform.Deployment.Aws.Synthesis;

/// <summary>What a synthesis wrote: the CDK cloud assembly (the input of <c>cdk deploy</c>) and its stack's template.</summary>
/// <remarks><see cref="Warnings"/> are what the user chose on purpose and should see, one line each (plain HTTP).</remarks>
public sealed record SynthesisResult(string CloudAssemblyDirectory, string StackName, string TemplatePath, IReadOnlyDictionary<string, string> StackParameters, IReadOnlyList<string> Warnings)
{
    /// <summary>One line per manifest resource: what it became, which settings shaped it, what was dropped or substituted (also in plan.md beside the template).</summary>
    public IReadOnlyList<string> Plan { get; init; } = [];

    /// <summary>What <c>synth</c> and the <c>ecs</c> publisher print: the plan, where the template is, and the warnings.</summary>
    public void WriteSummary(TextWriter output)
    {
        output.WriteLine("Plan:");
        foreach (var line in Plan)
        {
            output.WriteLine(line);
        }
        output.WriteLine($"Synthesized stack '{StackName}': {TemplatePath} (the plan beside it: {EcsSynthesizer.PlanFile})");
        foreach (var warning in Warnings)
        {
            output.WriteLine(warning);
        }
    }
}
