namespace Platform.Deployment.Aws.Synthesis;

/// <summary>What a synthesis wrote: the CDK cloud assembly (the input of <c>cdk deploy</c>) and its stack's template.</summary>
/// <remarks><see cref="Warnings"/> are what the user chose on purpose and should see, one line each (plain HTTP).</remarks>
public sealed record SynthesisResult(string CloudAssemblyDirectory, string StackName, string TemplatePath, IReadOnlyDictionary<string, string> StackParameters, IReadOnlyList<string> Warnings);
