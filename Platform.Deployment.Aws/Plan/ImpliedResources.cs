using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Platform.Manifest;

namespace Platform.Deployment.Aws.Plan;

/// <summary>
/// Resources a manifest uses without listing them, where Aspire's convention says what they are. Aspire writes a
/// parameter's URI-encoded form as an <c>annotated.string</c> named <c>{parameter}-uri-encoded</c> (filter <c>uri</c>);
/// some of its publishers (Aspire 8's RabbitMQ) referred to it and left it out. Any other missing resource stays an error.
/// </summary>
internal static partial class ImpliedResources
{
    private const string UriEncodedSuffix = "-uri-encoded";

    public static IReadOnlyList<ManifestResource> Of(AspireManifest manifest) =>
    [
        .. manifest.Resources.SelectMany(r => Strings(r.Json))
            .SelectMany(text => Reference().Matches(text).Select(m => m.Groups["resource"].Value))
            .Distinct()
            .Where(name => name.EndsWith(UriEncodedSuffix, StringComparison.Ordinal) && !manifest.TryGet(name, out _)
                && manifest.TryGet(name[..^UriEncodedSuffix.Length], out var parameter) && parameter is ManifestParameter)
            .Select(name => new ManifestAnnotatedString(name, $"{{{name[..^UriEncodedSuffix.Length]}.value}}", "uri")),
    ];

    /// <summary>The plan's line for an implied resource.</summary>
    public static string Describe(ManifestAnnotatedString implied) =>
        $"not in the manifest, which uses it: taken as Aspire's URI-encoded form of '{implied.Value[1..^".value}".Length]}' (annotated.string, filter uri), which its publisher left out";

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        JsonObject json => json.SelectMany(p => Strings(p.Value)),
        JsonArray array => array.SelectMany(Strings),
        _ => [],
    };

    [GeneratedRegex(@"\{(?<resource>[A-Za-z0-9_-]+)\.value\}")]
    private static partial Regex Reference();
}
