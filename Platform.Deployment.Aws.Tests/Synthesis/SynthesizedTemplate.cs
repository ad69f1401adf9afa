using System.Text.Json.Nodes;
using Platform.Deployment.Aws.Settings;
using Platform.Deployment.Aws.Synthesis;
using Platform.Manifest;

namespace Platform.Deployment.Aws.Tests.Synthesis;

/// <summary>A synthesized CloudFormation template, parsed, with the lookups the tests need.</summary>
internal sealed class SynthesizedTemplate(SynthesisResult result)
{
    public SynthesisResult Result { get; } = result;

    public string Text { get; } = File.ReadAllText(result.TemplatePath);

    public JsonObject Json => (JsonObject)JsonNode.Parse(Text)!;

    public JsonObject Resources => Json["Resources"]!.AsObject();

    /// <summary><paramref name="manifestPath"/> synthesized with <paramref name="settingsJson"/> as its settings, into a new temporary folder.</summary>
    public static SynthesizedTemplate WithSettings(string manifestPath, string settingsJson)
    {
        var output = Directory.CreateTempSubdirectory("platform-ecs-").FullName;
        try
        {
            var settings = Path.Combine(output, DeploymentSettingsFile.DefaultFileName);
            File.WriteAllText(settings, settingsJson);
            return new SynthesizedTemplate(EcsSynthesizer.Synthesize(AspireManifest.Load(manifestPath), DeploymentSettingsFile.Load(settings), output));
        }
        catch
        {
            Directory.Delete(output, recursive: true);
            throw;
        }
    }

    /// <summary>Deletes the folder the template was synthesized into.</summary>
    public void Delete() => Directory.Delete(Path.GetDirectoryName(Result.CloudAssemblyDirectory)!, recursive: true);

    public IEnumerable<(string Id, JsonObject Properties)> OfType(string type) =>
        Resources.Where(r => r.Value!["Type"]!.GetValue<string>() == type)
            .Select(r => (r.Key, r.Value!["Properties"] as JsonObject ?? []));

    /// <summary>The one resource of <paramref name="type"/> whose logical ID starts with <paramref name="idPrefix"/> (the CDK adds a hash).</summary>
    public (string Id, JsonObject Properties) Single(string type, string idPrefix) =>
        Assert.Single(OfType(type), r => r.Id.StartsWith(idPrefix, StringComparison.Ordinal) && !r.Id[idPrefix.Length..].Any(char.IsLower));

    public JsonObject Container(string name) =>
        Single("AWS::ECS::TaskDefinition", Id(name) + "Task").Properties["ContainerDefinitions"]![0]!.AsObject();

    /// <summary>The container's environment variables and its secrets (name to the logical ID of the secret).</summary>
    public (Dictionary<string, string> Environment, Dictionary<string, string> Secrets) Variables(string name)
    {
        var container = Container(name);
        return (
            (container["Environment"] as JsonArray ?? []).ToDictionary(e => e!["Name"]!.GetValue<string>(), e => e!["Value"]!.ToJsonString().Trim('"')),
            (container["Secrets"] as JsonArray ?? []).ToDictionary(e => e!["Name"]!.GetValue<string>(), e => e!["ValueFrom"]!["Ref"]!.GetValue<string>()));
    }

    /// <summary>The container named <paramref name="container"/> in the task of <paramref name="workload"/>.</summary>
    public JsonObject Container(string workload, string container) =>
        Single("AWS::ECS::TaskDefinition", Id(workload) + "Task").Properties["ContainerDefinitions"]!.AsArray()
            .Single(c => c!["Name"]!.GetValue<string>() == container)!.AsObject();

    /// <summary>The statements of the policies attached to the role whose logical ID is <paramref name="roleId"/>.</summary>
    public List<JsonObject> Statements(string roleId) =>
        [.. OfType("AWS::IAM::Policy")
            .Where(p => p.Properties["Roles"]!.AsArray().Any(r => r!["Ref"]?.GetValue<string>() == roleId))
            .SelectMany(p => p.Properties["PolicyDocument"]!["Statement"]!.AsArray().Select(s => s!.AsObject()))];

    /// <summary>A value that may be one string or a list of them (IAM's Action and Resource), as a list of their JSON.</summary>
    public static List<string> Values(JsonNode? node) => node is JsonArray array ? [.. array.Select(a => a!.ToJsonString().Trim('"'))] : node is null ? [] : [node.ToJsonString().Trim('"')];

    public string[] DependsOn(string id) => Resources[id]!["DependsOn"] is JsonArray array ? [.. array.Select(a => a!.GetValue<string>())] : [];

    /// <summary>The plan's line for <paramref name="resource"/>.</summary>
    public string PlanLine(string resource) => Assert.Single(Result.Plan, l => l.StartsWith($"- `{resource}` (", StringComparison.Ordinal));

    /// <summary>A secret's composed value (its <c>SecretString</c>) as JSON text.</summary>
    public string SecretString(string secretId) => Resources[secretId]!["Properties"]!["SecretString"]!.ToJsonString();

    public static string Id(string resource) => string.Concat(resource.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
