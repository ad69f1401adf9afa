namespace Platform.Deployment.Aws.Settings;

/// <summary>
/// What the manifest cannot carry: sizes, task counts, scaling targets, retention. Read from a small JSON file
/// (see README, "Deployment settings"); every value has a default, so the file is optional.
/// </summary>
public sealed record DeploymentSettings
{
    /// <summary>The CloudFormation stack's name; also the prefix of the ECR repositories and the Service Connect namespace.</summary>
    public string StackName { get; init; } = "platform";

    public int MaxAzs { get; init; } = 2;

    /// <summary>One NAT gateway per AZ keeps egress up when an AZ fails; 1 is cheaper.</summary>
    public int NatGateways { get; init; } = 2;

    public int LogRetentionDays { get; init; } = 30;

    /// <summary>How long the load balancers' and buckets' access logs are kept (the access log bucket's lifecycle).</summary>
    public int AccessLogDays { get; init; } = 90;

    /// <summary>The port a project listens on (<c>HTTP_PORTS</c>) when its binding has no target port: the .NET container images' default.</summary>
    public int ProjectPort { get; init; } = 8080;

    /// <summary>Applied to every service and run-once task, then overridden per resource by <see cref="Services"/>; a field left out keeps the built-in default.</summary>
    public ServiceSettings Defaults { get; init; } = new();

    /// <summary>Per resource name; a field left out keeps the value of <see cref="Defaults"/>.</summary>
    public IReadOnlyDictionary<string, ServiceSettings> Services { get; init; } = new Dictionary<string, ServiceSettings>();

    /// <summary>
    /// Resources deliberately left out of the deployment (such as an entry the manifest's publisher could not
    /// write). Anything else that cannot be mapped is an error; a value that uses a skipped resource still is.
    /// </summary>
    public IReadOnlyList<string> Skip { get; init; } = [];

    /// <summary>
    /// Services that already run outside this stack, by their address (for example <c>"identity"</c>: an existing
    /// OpenID Connect provider such as Amazon Cognito). They are not deployed; every binding of theirs resolves to the
    /// given address, so the services that reference them reach it instead.
    /// </summary>
    public IReadOnlyDictionary<string, Uri> ExternalServices { get; init; } = new Dictionary<string, Uri>();

    public RdsSettings Postgres { get; init; } = new();

    public RdsSettings MySql { get; init; } = new();

    public SqlServerSettings SqlServer { get; init; } = new();

    public RedisSettings Redis { get; init; } = new();

    public RabbitMqSettings RabbitMq { get; init; } = new();

    /// <summary>The domain of the services' names (<c>api.example.com</c>); with <see cref="HostedZoneId"/>, ACM certificates validated in that zone and alias records.</summary>
    public string? Domain { get; init; }

    /// <summary>The Route 53 hosted zone of <see cref="Domain"/> (<c>Z…</c>).</summary>
    public string? HostedZoneId { get; init; }

    /// <summary>An existing ACM certificate for every external service's name, instead of certificates made for <see cref="Domain"/>.</summary>
    public string? CertificateArn { get; init; }

    /// <summary>Serves external services over plain HTTP, on purpose, when there is neither a domain nor a certificate.</summary>
    public bool AllowPlainHttp { get; init; }

    /// <summary>
    /// An AWS Private CA (<c>arn:aws:acm-pca:…:certificate-authority/…</c>) whose certificates Service Connect's proxies use
    /// to encrypt traffic between tasks. Unset, that traffic is plain HTTP on the private network (README, "https bindings").
    /// </summary>
    public string? ServiceConnectTlsAuthorityArn { get; init; }

    /// <summary>The port of each load balancer's test listener, where a blue/green release's new tasks answer before production traffic moves.</summary>
    public int TestListenerPort { get; init; } = 8443;

    /// <summary>The networks that may reach the test listener (none by default: add your office's or CI's).</summary>
    public IReadOnlyList<string> TestTrafficCidrs { get; init; } = [];

    /// <summary>The address that every alarm and the budget alert is sent to (subscribed to the alarm topic; AWS asks it to confirm).</summary>
    public string? AlarmEmail { get; init; }

    /// <summary>The monthly cost above which AWS Budgets alerts (at 80 % actual and 100 % forecast).</summary>
    public double MonthlyBudgetUsd { get; init; } = 500;

    /// <summary>Tags put on every resource besides <c>platform:stack</c> and <c>platform:resource</c> (activate them as cost-allocation tags).</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    public FirewallSettings Firewall { get; init; } = new();

    public AlarmSettings Alarms { get; init; } = new();

    public TelemetrySettings Telemetry { get; init; } = new();

    /// <summary>True when external services are served over HTTPS (a certificate is given or made).</summary>
    public bool Https => CertificateArn is not null || Domain is not null;

    /// <summary>
    /// The settings of one service: its own over <see cref="Defaults"/> over the built-in ones. One that keeps data on a
    /// file system (<paramref name="singleWriter"/>) runs one task and stops the old one before starting the new, unless
    /// its own settings say otherwise: two processes writing one data folder corrupt it.
    /// </summary>
    public ServiceSettings For(string resource, bool singleWriter = false) =>
        new[] { Services.GetValueOrDefault(resource), singleWriter ? ServiceSettings.SingleWriter : null, Defaults, ServiceSettings.Default }
            .OfType<ServiceSettings>()
            .Aggregate((top, under) => top.Over(under));
}
