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
        var problems = new List<string>();
        foreach (var (name, service) in settings.Services.Select(s => (s.Key, settings.For(s.Key))).Prepend(("defaults", settings.Defaults.Over(ServiceSettings.Default))))
        {
            if (service.MinTasks < 1 || service.MaxTasks < service.MinTasks)
            {
                problems.Add($"{name}: minTasks must be at least 1 and maxTasks at least minTasks");
            }
            if (service.MinHealthyPercent is < 0 or > 100 || service.MaxHealthyPercent < 100)
            {
                problems.Add($"{name}: minHealthyPercent must be 0 to 100 and maxHealthyPercent at least 100");
            }
            if (service.QueueBacklogPerTaskTarget <= 0)
            {
                problems.Add($"{name}: queueBacklogPerTaskTarget must be positive");
            }
        }
        if (settings.Postgres.BackupRetentionDays is < 1 or > 35)
        {
            problems.Add("postgres.backupRetentionDays must be 1 to 35: backups are what point-in-time recovery restores from");
        }
        if (problems.Count > 0)
        {
            throw new DeploymentException($"The deployment settings '{path}' are not valid:\n  " + string.Join("\n  ", problems));
        }
    }
}
