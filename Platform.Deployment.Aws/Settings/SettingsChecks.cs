using System.Net;
using System.Text.RegularExpressions;

namespace Platform.Deployment.Aws.Settings;

/// <summary>Every impossible settings value, one line each, naming the setting (see README, "Deployment settings").</summary>
internal static partial class SettingsChecks
{
    public static IEnumerable<string> Problems(DeploymentSettings settings) =>
        Services(settings).Concat(Https(settings)).Concat(Operations(settings)).Concat(Telemetry(settings)).Concat(Storage(settings));

    private static IEnumerable<string> Services(DeploymentSettings settings)
    {
        foreach (var (name, service) in settings.Services.Select(s => (s.Key, settings.For(s.Key))).Prepend(("defaults", settings.Defaults.Over(ServiceSettings.Default))))
        {
            if (service.MinTasks < 1 || service.MaxTasks < service.MinTasks)
            {
                yield return $"{name}: minTasks must be at least 1 and maxTasks at least minTasks";
            }
            if (service.MinHealthyPercent is < 0 or > 100 || service.MaxHealthyPercent < 100)
            {
                yield return $"{name}: minHealthyPercent must be 0 to 100 and maxHealthyPercent at least 100";
            }
            if (service.QueueBacklogPerTaskTarget <= 0)
            {
                yield return $"{name}: queueBacklogPerTaskTarget must be positive";
            }
            if (!DeploymentStrategies.All.Contains(service.DeploymentStrategy))
            {
                yield return $"{name}: deploymentStrategy must be {string.Join(" or ", DeploymentStrategies.All)}, not '{service.DeploymentStrategy}'";
            }
            if (service.BakeTimeMinutes is < 0 or > 1440)
            {
                yield return $"{name}: bakeTimeMinutes must be 0 to 1440 (ECS's limit), not {service.BakeTimeMinutes}";
            }
            if (service.HostName is { } host && !HostLabel().IsMatch(host))
            {
                yield return $"{name}: hostName must be one DNS label (letters, digits, hyphens), not '{host}'";
            }
            if (service.MemoryMiB - settings.Telemetry.CollectorMemoryMiB < 256)
            {
                yield return $"{name}: memoryMiB must leave at least 256 MiB beside the collector's telemetry.collectorMemoryMiB ({settings.Telemetry.CollectorMemoryMiB})";
            }
        }
    }

    private static IEnumerable<string> Https(DeploymentSettings settings)
    {
        if (settings.Domain is { } domain && !DomainName().IsMatch(domain))
        {
            yield return $"domain must be a DNS name such as example.com, not '{domain}'";
        }
        if (settings.Domain is not null && settings.CertificateArn is null && settings.HostedZoneId is null)
        {
            yield return "domain needs hostedZoneId (the Route 53 zone that validates its certificates), or certificateArn for an existing certificate";
        }
        if (settings.HostedZoneId is { } zone && !HostedZone().IsMatch(zone))
        {
            yield return $"hostedZoneId must be a Route 53 zone ID such as Z0123456789ABCDEFGHIJ (without /hostedzone/), not '{zone}'";
        }
        if (settings.HostedZoneId is not null && settings.Domain is null)
        {
            yield return "hostedZoneId needs domain: the names are made under it";
        }
        if (settings.CertificateArn is { } arn && !CertificateArn().IsMatch(arn))
        {
            yield return $"certificateArn must be an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<id>), not '{arn}'";
        }
        if (settings.AllowPlainHttp && settings.Https)
        {
            yield return "allowPlainHttp cannot be set with domain or certificateArn: traffic is either encrypted or not";
        }
        foreach (var (name, address) in settings.ExternalServices.Where(e => e.Value is not { IsAbsoluteUri: true, Scheme: "https" }))
        {
            yield return $"externalServices.{name} must be an https address such as https://login.example.com/, not '{address.OriginalString}': the services reach it over the internet";
        }
        if (settings.ServiceConnectTlsAuthorityArn is { } authority && !CertificateAuthorityArn().IsMatch(authority))
        {
            yield return $"serviceConnectTlsAuthorityArn must be an AWS Private CA ARN (arn:aws:acm-pca:<region>:<account>:certificate-authority/<id>), not '{authority}'";
        }
        if (settings.TestListenerPort is < 1 or > 65535 or 80 or 443)
        {
            yield return $"testListenerPort must be a port from 1 to 65535 other than 80 and 443, not {settings.TestListenerPort}";
        }
        foreach (var cidr in settings.TestTrafficCidrs.Where(c => !IPNetwork.TryParse(c, out var network) || network.BaseAddress.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork))
        {
            yield return $"testTrafficCidrs: '{cidr}' is not an IPv4 CIDR such as 203.0.113.0/24";
        }
    }

    private static IEnumerable<string> Operations(DeploymentSettings settings)
    {
        if (settings.AlarmEmail is { } email && !Email().IsMatch(email))
        {
            yield return $"alarmEmail must be an email address, not '{email}'";
        }
        if (settings.AccessLogDays < 1)
        {
            yield return $"accessLogDays must be at least 1, not {settings.AccessLogDays}";
        }
        if (settings.MonthlyBudgetUsd <= 0)
        {
            yield return "monthlyBudgetUsd must be positive";
        }
        if (settings.Firewall.RateLimitPerIp is < 10 or > 2_000_000_000)
        {
            yield return $"firewall.rateLimitPerIp must be 10 to 2000000000 (AWS WAF's limits), not {settings.Firewall.RateLimitPerIp}";
        }
        foreach (var path in settings.Firewall.UploadPaths.Where(p => !p.StartsWith('/') || p.Any(char.IsWhiteSpace)))
        {
            yield return $"firewall.uploadPaths: '{path}' is not a path starting with /";
        }
        var alarms = settings.Alarms;
        foreach (var (name, value) in new[]
        {
            ("latencyP95Ms", alarms.LatencyP95Ms), ("latencyP99Ms", alarms.LatencyP99Ms), ("errorRatePercent", alarms.ErrorRatePercent),
            ("queueBacklogPerTask", alarms.QueueBacklogPerTask), ("databaseCpuPercent", alarms.DatabaseCpuPercent),
            ("databaseFreeStorageGiB", alarms.DatabaseFreeStorageGiB), ("replicaLagSeconds", alarms.ReplicaLagSeconds), ("cacheMemoryPercent", alarms.CacheMemoryPercent),
        }.Where(t => t.Item2 <= 0))
        {
            yield return $"alarms.{name} must be positive";
        }
        if (alarms.DeadLetteredJobs < 0 || alarms.CacheEvictions < 0)
        {
            yield return "alarms.deadLetteredJobs and alarms.cacheEvictions must be 0 or more";
        }
        foreach (var (key, value) in settings.Tags)
        {
            if (key.Length is 0 or > 128 || value.Length > 256 || key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase) || key.StartsWith("platform:", StringComparison.Ordinal))
            {
                yield return $"tags: '{key}' must be 1 to 128 characters, not start with aws: or platform: (which the deployment sets), with a value of at most 256";
            }
        }
    }

    private static IEnumerable<string> Telemetry(DeploymentSettings settings)
    {
        var telemetry = settings.Telemetry;
        if (telemetry.SamplingRatio is < 0 or > 1)
        {
            yield return $"telemetry.samplingRatio must be 0 to 1, not {telemetry.SamplingRatio}";
        }
        if (telemetry.CollectorMemoryMiB < 64)
        {
            yield return "telemetry.collectorMemoryMiB must be at least 64";
        }
        if (!PinnedImage().IsMatch(telemetry.CollectorImage))
        {
            yield return $"telemetry.collectorImage must be pinned by version (…:v0.49.0) or digest, not '{telemetry.CollectorImage}'";
        }
    }

    private static IEnumerable<string> Storage(DeploymentSettings settings)
    {
        foreach (var (name, rds) in new[] { ("postgres", settings.Postgres), ("mysql", settings.MySql), ("sqlServer", (RdsSettings)settings.SqlServer) })
        {
            if (rds.BackupRetentionDays is < 1 or > 35)
            {
                yield return $"{name}.backupRetentionDays must be 1 to 35: backups are what point-in-time recovery restores from";
            }
            if (rds.AllocatedStorageGiB < 20 || rds.MaxAllocatedStorageGiB < rds.AllocatedStorageGiB)
            {
                yield return $"{name}.allocatedStorageGiB must be at least 20 (gp3's minimum) and maxAllocatedStorageGiB at least allocatedStorageGiB";
            }
        }
        if (settings.SqlServer.Edition is not ("se" or "ee" or "web" or "ex"))
        {
            yield return $"sqlServer.edition must be se, ee, web or ex, not '{settings.SqlServer.Edition}'";
        }
        if (!RabbitMqDeploymentModes.AmazonMq.ContainsKey(settings.RabbitMq.DeploymentMode))
        {
            yield return $"rabbitmq.deploymentMode must be {string.Join(" or ", RabbitMqDeploymentModes.AmazonMq.Keys)}, not '{settings.RabbitMq.DeploymentMode}'";
        }
    }

    [GeneratedRegex(@"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex HostLabel();

    [GeneratedRegex(@"^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")]
    private static partial Regex DomainName();

    [GeneratedRegex(@"^Z[A-Z0-9]{1,31}$")]
    private static partial Regex HostedZone();

    [GeneratedRegex(@"^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate/[0-9a-f-]+$")]
    private static partial Regex CertificateArn();

    [GeneratedRegex(@"^arn:aws[a-z-]*:acm-pca:[a-z0-9-]+:\d{12}:certificate-authority/[0-9a-f-]+$")]
    private static partial Regex CertificateAuthorityArn();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();

    [GeneratedRegex(@"(:[A-Za-z0-9_.-]*\d[A-Za-z0-9_.-]*|@sha256:[0-9a-f]{64})$")]
    private static partial Regex PinnedImage();
}
