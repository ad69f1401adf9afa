using Amazon.CDK.CloudFormation.Include;
using Platform.Manifest;

namespace Platform.Deployment.Aws.Values;

/// <summary><c>{r.output.Name}</c>: the value of an output of an included CloudFormation template.</summary>
internal sealed class TemplateOutputs
{
    private readonly Dictionary<string, CfnInclude> _templates = [];

    public void Add(string resource, CfnInclude template) => _templates.Add(resource, template);

    public string Value(ReferencePart leaf) =>
        _templates.TryGetValue(leaf.Resource, out var template)
            ? Amazon.CDK.Token.AsString(template.GetOutput(leaf.Path[1]).Value)
            : throw new DeploymentException($"'{leaf.Expression}' is an output of a template this deployment does not include");
}
