namespace Platform.Manifest;

/// <summary>The <c>type</c> of a manifest entry: Aspire's, and this project's run-once extension.</summary>
public static class ManifestTypes
{
    public const string Project = "project.v0";
    public const string ProjectV1 = "project.v1";
    public const string RunOnceProject = "platform.project.run-once.v0";
    public const string Container = "container.v0";
    public const string ContainerV1 = "container.v1";
    public const string Dockerfile = "dockerfile.v0";
    public const string Executable = "executable.v0";
    public const string Value = "value.v0";
    public const string Parameter = "parameter.v0";
    public const string AnnotatedString = "annotated.string";
    public const string CloudFormationTemplate = "aws.cloudformation.template.v0";
    public const string CloudFormationStack = "aws.cloudformation.stack.v0";
    public const string Bicep = "azure.bicep.v0";
    public const string BicepV1 = "azure.bicep.v1";
}
