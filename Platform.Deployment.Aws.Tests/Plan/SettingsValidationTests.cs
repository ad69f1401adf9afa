using Platform.Deployment.Aws.CommandLine;
using Platform.Deployment.Aws.Tests.Infrastructure;

namespace Platform.Deployment.Aws.Tests.Plan;

/// <summary>Bad settings (and an external service the manifest cannot have) are one error naming the setting, before anything is written.</summary>
[Trait("Tier", "Fast")]
public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("""{ }""", "domain (with hostedZoneId) or certificateArn")]
    [InlineData("""{ "domain": "example.com" }""", "domain needs hostedZoneId")]
    [InlineData("""{ "domain": "example.com", "hostedZoneId": "/hostedzone/Z123" }""", "hostedZoneId must be a Route 53 zone ID")]
    [InlineData("""{ "certificateArn": "arn:aws:iam::123456789012:server-certificate/x" }""", "certificateArn must be an ACM certificate ARN")]
    [InlineData("""{ "allowPlainHttp": true, "defaults": { "bakeTimeMinutes": 2000 } }""", "defaults: bakeTimeMinutes must be 0 to 1440")]
    [InlineData("""{ "allowPlainHttp": true, "services": { "api": { "deploymentStrategy": "canary" } } }""", "api: deploymentStrategy must be blueGreen or rolling, not 'canary'")]
    [InlineData("""{ "allowPlainHttp": true, "alarmEmail": "ops-at-example.com" }""", "alarmEmail must be an email address")]
    [InlineData("""{ "allowPlainHttp": true, "firewall": { "rateLimitPerIp": 5 } }""", "firewall.rateLimitPerIp must be 10 to 2000000000")]
    [InlineData("""{ "allowPlainHttp": true, "telemetry": { "samplingRatio": 1.5 } }""", "telemetry.samplingRatio must be 0 to 1")]
    [InlineData("""{ "allowPlainHttp": true, "telemetry": { "collectorImage": "amazon/aws-otel-collector:latest" } }""", "telemetry.collectorImage must be pinned")]
    [InlineData("""{ "allowPlainHttp": true, "testTrafficCidrs": ["10.0.0.0/33"] }""", "testTrafficCidrs: '10.0.0.0/33'")]
    [InlineData("""{ "allowPlainHttp": true, "tags": { "platform:stack": "x" } }""", "tags: 'platform:stack'")]
    [InlineData("""{ "allowPlainHttp": true, "alarms": { "latencyP95Ms": 0 } }""", "alarms.latencyP95Ms must be positive")]
    [InlineData("""{ "allowPlainHttp": true, "services": { "web": { "memoryMiB": 256 } } }""", "web: memoryMiB must leave at least 256 MiB beside the collector")]
    [InlineData("""{ "allowPlainHttp": true, "sqlServer": { "edition": "developer" } }""", "sqlServer.edition must be se, ee, web or ex, not 'developer'")]
    [InlineData("""{ "allowPlainHttp": true, "serviceConnectTlsAuthorityArn": "arn:aws:acm:eu-west-1:123456789012:certificate/1" }""", "serviceConnectTlsAuthorityArn must be an AWS Private CA ARN")]
    [InlineData("""{ "allowPlainHttp": true, "mysql": { "backupRetentionDays": 0 } }""", "mysql.backupRetentionDays must be 1 to 35")]
    [InlineData("""{ "allowPlainHttp": true, "accessLogDays": 0 }""", "accessLogDays must be at least 1, not 0")]
    [InlineData("""{ "allowPlainHttp": true, "rabbitmq": { "deploymentMode": "activeStandby" } }""", "rabbitmq.deploymentMode must be cluster or singleInstance, not 'activeStandby'")]
    [InlineData("""{ "allowPlainHttp": true, "externalServices": { "identity": "https://login.example.com/" } }""", "'identity-setup' prepares 'identity', which runs outside the stack (externalServices): list 'identity-setup' in the settings' skip")]
    [InlineData("""{ "allowPlainHttp": true, "skip": ["identity-setup"], "externalServices": { "identity": "http://login.example.com/" } }""", "externalServices.identity must be an https address")]
    [InlineData("""{ "allowPlainHttp": true, "externalServices": { "login": "https://login.example.com/" } }""", "'login' is in the settings' externalServices but is not a service with bindings in the manifest")]
    public async Task A_bad_setting_is_an_error_naming_it_and_nothing_is_written(string settings, string message)
    {
        var folder = Directory.CreateTempSubdirectory("platform-settings-").FullName;
        try
        {
            var path = Path.Combine(folder, "ecs-settings.json");
            await File.WriteAllTextAsync(path, settings);
            var (output, error) = (new StringWriter(), new StringWriter());

            var exitCode = await DeploymentCommandLine.RunAsync(
                ["synth", "--manifest", Repository.PlatformManifest, "--settings", path, "--output-path", Path.Combine(folder, "out")], _ => null, output, error);

            Assert.Equal(1, exitCode);
            Assert.Contains(message, error.ToString());
            Assert.DoesNotContain("   at ", error.ToString());
            Assert.Empty(output.ToString());
            Assert.False(Directory.Exists(Path.Combine(folder, "out")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Plain_HTTP_by_accident_names_both_HTTPS_settings_and_the_one_that_allows_it()
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var folder = Directory.CreateTempSubdirectory("platform-settings-").FullName;
        try
        {
            // No settings file: the defaults, which have neither a domain nor a certificate.
            var exitCode = await DeploymentCommandLine.RunAsync(
                ["synth", "--manifest", Repository.PlatformManifest, "--settings", Path.Combine(folder, "none.json"), "--output-path", Path.Combine(folder, "out")], _ => null, output, error);

            Assert.Equal(1, exitCode);
            Assert.All(new[] { "domain", "hostedZoneId", "certificateArn", "allowPlainHttp", "api, web" }, s => Assert.Contains(s, error.ToString()));
            Assert.False(Directory.Exists(Path.Combine(folder, "out")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
