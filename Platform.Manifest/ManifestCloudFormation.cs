namespace Platform.Manifest;

/// <summary><c>aws.cloudformation.template.v0</c> and <c>aws.cloudformation.stack.v0</c>: values come from the stack's outputs.</summary>
public sealed record ManifestCloudFormation(string Name, string Type, string StackName, string? TemplatePath) : ManifestResource(Name, Type)
{
    public IReadOnlyList<string> References { get; init; } = [];
}
