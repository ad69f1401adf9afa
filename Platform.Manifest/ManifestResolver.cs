using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Platform.Manifest;

/// <summary>
/// Resolves manifest expressions: <c>{r.connectionString}</c> and <c>{p.value}</c> are expanded recursively
/// (with cycle detection) until only literals and leaves remain: bindings, parameter inputs and stack outputs,
/// which a deployment maps to its own values. An unknown resource or property is an error that names the
/// expression and where it was found. A deployment that maps a resource to a service of its own gives that
/// resource's connection string in <paramref name="connectionStrings"/> (by resource name), in place of the manifest's.
/// </summary>
public sealed partial class ManifestResolver(AspireManifest manifest, IReadOnlyDictionary<string, string>? connectionStrings = null)
{
    private static readonly HashSet<string> BindingProperties = ["url", "host", "port", "targetPort", "scheme"];

    /// <summary>Resolves <paramref name="template"/>; <paramref name="location"/> (such as <c>api env ConnectionStrings__db</c>) goes into errors.</summary>
    public ResolvedValue Resolve(string template, string location)
    {
        var parts = new List<ValuePart>();
        Expand(template, filter: null, parts, [], location);
        return new ResolvedValue(Merge(parts));
    }

    /// <summary>The leaf references an expression consists of, such as the parameters a connection string needs.</summary>
    public IReadOnlyList<ReferencePart> Leaves(string template, string location) => [.. Resolve(template, location).References];

    private void Expand(string template, string? filter, List<ValuePart> parts, List<string> chain, string location)
    {
        var position = 0;
        foreach (Match match in Placeholder().Matches(template))
        {
            parts.Add(new LiteralPart(template[position..match.Index]));
            ExpandReference(match.Groups["resource"].Value, match.Groups["property"].Value, filter, parts, chain, location);
            position = match.Index + match.Length;
        }
        parts.Add(new LiteralPart(template[position..]));
    }

    private void ExpandReference(string name, string property, string? filter, List<ValuePart> parts, List<string> chain, string location)
    {
        var expression = $"{{{name}.{property}}}";
        if (!manifest.TryGet(name, out var resource))
        {
            throw Error(location, expression, $"refers to resource '{name}', which is not in the manifest");
        }
        if (resource is ManifestError error)
        {
            throw Error(location, expression, $"refers to '{name}', which the publisher could not write (\"{error.Error}\")");
        }
        var segments = property.Split('.');
        switch (segments[0])
        {
            case "connectionString" when segments.Length == 1:
                Nested(connectionStrings?.GetValueOrDefault(name) ?? resource.ConnectionString ?? throw Error(location, expression, $"refers to the connection string of '{name}' ({resource.Type}), which has none"));
                break;
            case "value" when segments.Length == 1 && resource is ManifestParameter parameter:
                Nested(parameter.Value);
                break;
            case "value" when segments.Length == 1 && resource is ManifestAnnotatedString annotated:
                Expand(annotated.Value, annotated.Filter, parts, Enter(), location);
                break;
            case "inputs" when segments.Length == 2 && resource is ManifestParameter parameter:
                if (!parameter.Inputs.ContainsKey(segments[1]))
                {
                    throw Error(location, expression, $"refers to input '{segments[1]}' of parameter '{name}', which has inputs: {string.Join(", ", parameter.Inputs.Keys)}");
                }
                parts.Add(new ReferencePart(name, property, filter));
                break;
            case "bindings" when resource is ManifestWorkload workload:
                if (segments.Length != 3 || !workload.Bindings.ContainsKey(segments[1]) || !BindingProperties.Contains(segments[2]))
                {
                    throw Error(location, expression, workload.Bindings.ContainsKey(segments.ElementAtOrDefault(1) ?? "")
                        ? $"asks for '{segments.ElementAtOrDefault(2)}' of a binding; a binding has {string.Join(", ", BindingProperties)}"
                        : $"refers to binding '{segments.ElementAtOrDefault(1)}' of '{name}', which has bindings: {(workload.Bindings.Count == 0 ? "none" : string.Join(", ", workload.Bindings.Keys))}");
                }
                parts.Add(new ReferencePart(name, property, filter));
                break;
            case "bindings" when resource is ManifestParameter { ConnectionString: not null }:
                // A resource published as a connection string (Aspire's PublishAsConnectionString) stands for a server
                // that exists elsewhere: its address is given at deployment, like its connection string.
                if (segments.Length != 3 || !BindingProperties.Contains(segments[2]))
                {
                    throw Error(location, expression, $"asks for '{segments.ElementAtOrDefault(2)}' of a binding; a binding has {string.Join(", ", BindingProperties)}");
                }
                parts.Add(new ReferencePart(name, property, filter));
                break;
            case "output" or "outputs" or "secretOutputs" when segments.Length == 2 && resource is ManifestCloudFormation or ManifestBicep or ManifestExtension:
                parts.Add(new ReferencePart(name, property, filter));
                break;
            default:
                if (resource is ManifestExtension extension && Lookup(extension.Json, segments) is { } text)
                {
                    Nested(text);
                    break;
                }
                throw Error(location, expression, $"refers to '{property}' of '{name}' ({resource.Type}), which it does not have");
        }

        void Nested(string template) => Expand(template, filter, parts, Enter(), location);

        List<string> Enter()
        {
            var step = $"{name}.{property}";
            if (chain.Contains(step))
            {
                throw new ManifestException($"{location}: expressions refer to each other in a cycle: {string.Join(" -> ", chain.Append(step))}.");
            }
            return [.. chain, step];
        }
    }

    private static string? Lookup(JsonObject json, IEnumerable<string> segments) =>
        segments.Aggregate((JsonNode?)json, (node, segment) => node?[segment]) is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static List<ValuePart> Merge(List<ValuePart> parts)
    {
        var merged = new List<ValuePart>();
        foreach (var part in parts)
        {
            if (part is LiteralPart { Text.Length: 0 })
            {
                continue;
            }
            if (part is LiteralPart next && merged.LastOrDefault() is LiteralPart previous)
            {
                merged[^1] = new LiteralPart(previous.Text + next.Text);
            }
            else
            {
                merged.Add(part);
            }
        }
        return merged;
    }

    private static ManifestException Error(string location, string expression, string problem) => new($"{location}: '{expression}' {problem}.");

    [GeneratedRegex(@"\{(?<resource>[A-Za-z0-9_-]+)\.(?<property>[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)\}")]
    private static partial Regex Placeholder();
}
