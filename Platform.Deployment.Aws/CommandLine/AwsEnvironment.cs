namespace Platform.Deployment.Aws.CommandLine;

/// <summary>
/// Whether the AWS CLI tools would find credentials and a region: the standard variables, a profile, web identity,
/// container credentials, or the shared files under ~/.aws. (Credentials from instance metadata are not looked for.)
/// </summary>
public static class AwsEnvironment
{
    public static void Require(Func<string, string?> environment)
    {
        var missing = new List<string>();
        var home = environment("HOME") ?? "";
        var credentialsFile = environment("AWS_SHARED_CREDENTIALS_FILE") ?? Path.Combine(home, ".aws", "credentials");
        var configFile = environment("AWS_CONFIG_FILE") ?? Path.Combine(home, ".aws", "config");
        var hasCredentials =
            (Set("AWS_ACCESS_KEY_ID") && Set("AWS_SECRET_ACCESS_KEY"))
            || Set("AWS_PROFILE")
            || Set("AWS_WEB_IDENTITY_TOKEN_FILE")
            || Set("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")
            || Set("AWS_CONTAINER_CREDENTIALS_FULL_URI")
            || File.Exists(credentialsFile);
        if (!hasCredentials)
        {
            missing.Add($"AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, or run 'aws configure' (no {credentialsFile})");
        }
        if (!Set("AWS_REGION") && !Set("AWS_DEFAULT_REGION") && !(File.Exists(configFile) && File.ReadAllText(configFile).Contains("region", StringComparison.Ordinal)))
        {
            missing.Add($"an AWS region: set AWS_REGION (or a region in {configFile})");
        }
        if (missing.Count > 0)
        {
            throw new DeploymentException($"Cannot deploy: missing {string.Join("; and ", missing)}.");
        }

        bool Set(string name) => !string.IsNullOrWhiteSpace(environment(name));
    }
}
