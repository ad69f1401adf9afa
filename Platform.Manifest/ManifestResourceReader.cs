using System.Text.Json.Nodes;

namespace Platform.Manifest;

/// <summary>Reads one manifest entry into its typed record; a missing required field is an error naming it.</summary>
internal static class ManifestResourceReader
{
    public static ManifestResource Read(string name, JsonObject json)
    {
        if (json["error"] is JsonValue error && json["type"] is null)
        {
            return new ManifestError(name, error.GetValue<string>()) { Json = json };
        }
        var type = Text(name, json, "type");
        ManifestResource resource = type switch
        {
            ManifestTypes.Project or ManifestTypes.ProjectV1 or ManifestTypes.RunOnceProject =>
                WithWorkload(new ManifestProject(name, type, Text(name, json, "path")) { CompletesBefore = Strings(json["completesBefore"]) }, json),
            ManifestTypes.Container or ManifestTypes.ContainerV1 =>
                WithWorkload(new ManifestContainer(name, type, OptionalText(json, "image"))
                {
                    Entrypoint = OptionalText(json, "entrypoint"),
                    Build = json["build"]?["context"]?.GetValue<string>(),
                    Volumes = Volumes(json),
                    ConnectionStringTemplate = OptionalText(json, "connectionString"),
                }, json),
            ManifestTypes.Dockerfile => WithWorkload(new ManifestDockerfile(name, Text(name, json, "path"), Text(name, json, "context")), json),
            ManifestTypes.Executable => WithWorkload(new ManifestExecutable(name, Text(name, json, "command"), Text(name, json, "workingDirectory")), json),
            ManifestTypes.Value => new ManifestValue(name, Text(name, json, "connectionString")),
            ManifestTypes.Parameter => new ManifestParameter(name, Text(name, json, "value"), Inputs(name, json))
            {
                ConnectionStringTemplate = OptionalText(json, "connectionString"),
            },
            ManifestTypes.AnnotatedString => new ManifestAnnotatedString(name, Text(name, json, "value"), Text(name, json, "filter")),
            ManifestTypes.CloudFormationTemplate or ManifestTypes.CloudFormationStack =>
                new ManifestCloudFormation(name, type, Text(name, json, "stack-name"), OptionalText(json, "template-path"))
                {
                    References = [.. (json["references"] as JsonArray ?? []).Select(r => r?["target-resource"]?.GetValue<string>()).OfType<string>()],
                },
            ManifestTypes.Bicep or ManifestTypes.BicepV1 =>
                new ManifestBicep(name, type, OptionalText(json, "path")) { ConnectionStringTemplate = OptionalText(json, "connectionString") },
            _ => new ManifestExtension(name, type),
        };
        return resource with { Json = json };
    }

    private static T WithWorkload<T>(T workload, JsonObject json) where T : ManifestWorkload => workload with
    {
        Args = Strings(json["args"]),
        Env = (json["env"] as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? "", StringComparer.Ordinal),
        Bindings = (json["bindings"] as JsonObject ?? []).ToDictionary(
            p => p.Key,
            p => new ManifestBinding(
                p.Value?["scheme"]?.GetValue<string>() ?? "tcp",
                p.Value?["protocol"]?.GetValue<string>() ?? "tcp",
                p.Value?["transport"]?.GetValue<string>() ?? "tcp",
                p.Value?["port"]?.GetValue<int>(),
                p.Value?["targetPort"]?.GetValue<int>(),
                p.Value?["external"]?.GetValue<bool>() ?? false),
            StringComparer.Ordinal),
    };

    private static Dictionary<string, ManifestParameterInput> Inputs(string name, JsonObject json) =>
        (json["inputs"] as JsonObject ?? throw Missing(name, "inputs")).ToDictionary(
            p => p.Key,
            p =>
            {
                var input = p.Value as JsonObject ?? [];
                var generate = input["default"]?["generate"] as JsonObject;
                return new ManifestParameterInput(
                    input["type"]?.GetValue<string>() ?? "string",
                    input["secret"]?.GetValue<bool>() ?? false,
                    generate is null ? null : new ManifestGenerate(
                        generate["minLength"]?.GetValue<int>() ?? 0,
                        generate["lower"]?.GetValue<bool>() ?? true,
                        generate["upper"]?.GetValue<bool>() ?? true,
                        generate["numeric"]?.GetValue<bool>() ?? true,
                        generate["special"]?.GetValue<bool>() ?? true,
                        generate["minLower"]?.GetValue<int>() ?? 0,
                        generate["minUpper"]?.GetValue<int>() ?? 0,
                        generate["minNumeric"]?.GetValue<int>() ?? 0,
                        generate["minSpecial"]?.GetValue<int>() ?? 0),
                    input["default"]?["value"]?.GetValue<string>());
            },
            StringComparer.Ordinal);

    private static IReadOnlyList<ManifestVolume> Volumes(JsonObject json) =>
    [
        .. (json["volumes"] as JsonArray ?? []).Concat(json["bindMounts"] as JsonArray ?? []).OfType<JsonObject>().Select(v => new ManifestVolume(
            v["name"]?.GetValue<string>(),
            v["source"]?.GetValue<string>(),
            v["target"]?.GetValue<string>() ?? "",
            v["readOnly"]?.GetValue<bool>() ?? false)),
    ];

    private static IReadOnlyList<string> Strings(JsonNode? node) => [.. (node as JsonArray ?? []).Select(n => n?.GetValue<string>() ?? "")];

    private static string Text(string name, JsonObject json, string property) => OptionalText(json, property) ?? throw Missing(name, property);

    private static string? OptionalText(JsonObject json, string property) => json[property]?.GetValue<string>();

    private static ManifestException Missing(string name, string property) =>
        new($"Resource '{name}' has no \"{property}\", which its type requires.");
}
