using System.Text.Json;

namespace Platform.Deployment.Aws.Settings;

/// <summary>Reads and checks the settings file. A missing file means the defaults; a bad one is an error naming the field.</summary>
public static class DeploymentSettingsFile
{
    /// <summary>The file's conventional name, looked for beside the manifest.</summary>
    public const string DefaultFileName = "ecs-settings.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static DeploymentSettings Load(string? path)
    {
        if (path is null || !File.Exists(path))
        {
            return new DeploymentSettings();
        }
        DeploymentSettings settings;
        try
        {
            settings = JsonSerializer.Deserialize<DeploymentSettings>(File.ReadAllText(path), Options) ?? new DeploymentSettings();
        }
        catch (JsonException e)
        {
            throw new DeploymentException($"The deployment settings '{path}' are not valid: {e.Message}");
        }
        Check(settings, path);
        return settings;
    }

    private static void Check(DeploymentSettings settings, string path)
    {
        var problems = SettingsChecks.Problems(settings).ToList();
        if (problems.Count > 0)
        {
            throw new DeploymentException($"The deployment settings '{path}' are not valid:\n  " + string.Join("\n  ", problems));
        }
    }
}
