using Amazon.CDK;
using Amazon.CDK.AWS.SecretsManager;
using Platform.Deployment.Aws.S3;
using Platform.Deployment.Aws.Synthesis;
using Platform.Manifest;

namespace Platform.Deployment.Aws.Values;

/// <summary>
/// Turns manifest expressions into task values. A value that holds a parameter or a connection string becomes a
/// secret: the parameter's own, or one composed in Secrets Manager from its parts (CloudFormation resolves the
/// parameters' secrets into it with dynamic references, so no value is in the template). Composed secrets are
/// shared by every task that receives the same value. Everything else is plain text, with addresses and outputs
/// as CloudFormation references.
/// </summary>
internal sealed class TaskValues(DeploymentContext context, Addresses addresses, IReadOnlyList<IncludedTemplate> templates)
{
    private readonly Dictionary<string, ISecret> _composed = [];

    /// <summary>Resolves <paramref name="template"/>; the bindings whose addresses it uses are added to <paramref name="uses"/>.</summary>
    public TaskValue Map(string location, string template, ISet<(string Resource, string Binding)> uses)
    {
        var value = context.Plan.Rewrites.Apply(context.Resolver.Resolve(template, location));
        foreach (var leaf in value.References.Where(l => l.Path[0] == "bindings"))
        {
            uses.Add((leaf.Resource, leaf.Path[1]));
        }
        var secret = template.Contains(".connectionString}", StringComparison.Ordinal) || value.References.Any(IsParameter);
        if (!secret)
        {
            return new PlainValue(Join(value, leaf => throw new InvalidOperationException(leaf.Expression)));
        }
        if (value.Parts is [ReferencePart only] && IsParameter(only))
        {
            return new SecretTaskValue(context.Parameters.Get(only));
        }
        var key = value.ToString();
        if (!_composed.TryGetValue(key, out var composed))
        {
            composed = new Secret(context.Stack, $"Value{_composed.Count + 1}Secret", new SecretProps
            {
                Description = ConnectionStringOf(template) is { } resource
                    ? $"Connection string of '{resource}', composed from the manifest."
                    : $"Value of {location}, composed from the manifest.",
                SecretStringValue = new SecretValue(Join(value, leaf => context.Parameters.Get(leaf).SecretValue.UnsafeUnwrap())),
            });
            _composed.Add(key, composed);
        }
        return new SecretTaskValue(composed);
    }

    /// <summary>The value as CloudFormation text; <paramref name="parameter"/> gives a parameter's part.</summary>
    private string Join(ResolvedValue value, Func<ReferencePart, string> parameter) =>
        Fn.Join("", [.. value.Parts.Select(part => part switch
        {
            LiteralPart literal => literal.Text,
            // A uri filter applies only to generated values (see PlanChecks), which are generated URI-safe.
            ReferencePart leaf when IsParameter(leaf) => parameter(leaf),
            ReferencePart { Path: ["bindings", ..] } leaf => addresses.Value(leaf),
            ReferencePart leaf => Output(leaf),
            _ => throw new InvalidOperationException(),
        })]);

    /// <summary><c>{r.output.Name}</c>: the value of an output of an included CloudFormation template.</summary>
    private string Output(ReferencePart leaf) =>
        templates.FirstOrDefault(t => t.Resource == leaf.Resource)?.Output(leaf.Path[1])
            ?? throw new DeploymentException($"'{leaf.Expression}' is an output of a template this deployment does not include");

    private static bool IsParameter(ReferencePart leaf) => leaf.Path[0] == "inputs";

    private static string? ConnectionStringOf(string template) =>
        template.StartsWith('{') && template.EndsWith(".connectionString}", StringComparison.Ordinal) && template.Count(c => c == '{') == 1
            ? template[1..^".connectionString}".Length]
            : null;
}
