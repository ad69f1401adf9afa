namespace Platform.Deployment.Aws.Synthesis;

/// <summary>What a synthesis wrote: the CDK cloud assembly (the input of <c>cdk deploy</c>) and its stack's template.</summary>
public sealed record SynthesisResult(string CloudAssemblyDirectory, string StackName, string TemplatePath, IReadOnlyDictionary<string, string> StackParameters);
