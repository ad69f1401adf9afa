namespace Platform.Deployment.Aws.Versions;

/// <summary>
/// The majors each managed service offers for new instances, on the date of <see cref="AsOf"/> (README, "Engine
/// versions"): RDS's from its engine versions as CloudFormation's validation in npm aws-cdk-lib 2.276.0 lists them,
/// ElastiCache's from its documentation. Update them together with the date; a setting pins any other version.
/// </summary>
internal static class ServiceVersions
{
    public const string AsOf = "2026-12-07";

    public static OfferedVersions Postgres { get; } = new("RDS for PostgreSQL", Same("13", "14", "15", "16", "17", "18"));

    // MySQL 8.0 is in RDS extended support (at extra cost) since 2026-07-31; 9.x are innovation releases RDS does not run.
    public static OfferedVersions MySql { get; } = new("RDS for MySQL", new Dictionary<string, string> { ["8.0"] = "8.0.46", ["8.4"] = "8.4.11" },
        ("8.4.11", "RDS runs MySQL's long-term releases only (8.0, 8.4): 8.4"));

    /// <summary>By the image's year (<c>2022-latest</c>); SQL Server's own major is the version's first part (2022: 16.00).</summary>
    public static OfferedVersions SqlServer { get; } = new("RDS for SQL Server", new Dictionary<string, string>
    {
        ["2017"] = "14.00.3540.1.v1", ["2019"] = "15.00.4480.2.v1", ["2022"] = "16.00.4265.3.v1", ["2025"] = "17.00.4075.5.v1",
    });

    public static OfferedVersions RedisOss { get; } = new("ElastiCache for Redis OSS", new Dictionary<string, string> { ["6"] = "6.2", ["7"] = "7.1" },
        ("7.1", "ElastiCache's Redis OSS ends at 7.1, Valkey succeeding it there: 7.1"));

    public static OfferedVersions Valkey { get; } = new("ElastiCache for Valkey", new Dictionary<string, string> { ["7"] = "7.2", ["8"] = "8.2", ["9"] = "9.0" });

    /// <summary>Garnet has no engine of its own on ElastiCache and its tags are its own versions: the newest Valkey, which speaks the same protocol.</summary>
    public static OfferedVersions Garnet { get; } = Valkey with { Beyond = ("9.0", "Garnet runs as the newest Valkey, which speaks its protocol") };

    private static Dictionary<string, string> Same(params string[] majors) => majors.ToDictionary(m => m, m => m);
}
