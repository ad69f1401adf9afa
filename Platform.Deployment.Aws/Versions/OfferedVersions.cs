namespace Platform.Deployment.Aws.Versions;

/// <summary>
/// The engine versions one AWS service offers for new instances, by major (<see cref="ServiceVersions"/> lists them, dated).
/// </summary>
/// <param name="Service">As people say it: <c>RDS for PostgreSQL</c>.</param>
/// <param name="Majors">Each major it offers, and the version the deployment asks for it: the major itself where the
/// service then takes its newest minor, else that major's newest version (CloudFormation takes only full versions of
/// RDS for MySQL and SQL Server).</param>
/// <param name="Beyond">The version a major of a line the service does not carry becomes, and why (MySQL's innovation
/// releases, Redis 8); none where such a major may come, which must then be pinned in the settings.</param>
internal sealed record OfferedVersions(string Service, IReadOnlyDictionary<string, string> Majors, (string Version, string Why)? Beyond = null)
{
    /// <summary>
    /// The version for an image whose tag asks for <paramref name="asked"/> (null: it names no version), of major
    /// <paramref name="major"/>, unless the settings pin one (<paramref name="pinned"/>, by <paramref name="setting"/>).
    /// </summary>
    public EngineVersionChoice Choose(string? asked, string? major, string? pinned, string setting)
    {
        if (pinned is not null)
        {
            return new(pinned, $"pinned by {setting}");
        }
        var request = asked is null ? "an image tag without a version" : $"the image asks for {asked}";
        if (major is not null && Majors.TryGetValue(major, out var version))
        {
            return new(version, version == major
                ? $"{request}: its major, whose newest minor {Service} takes"
                : $"{request}: {Service}'s newest {major} as of {ServiceVersions.AsOf}");
        }
        if (Beyond is { } beyond)
        {
            return new(beyond.Version, $"{request}, which {Service} does not offer: {beyond.Why}");
        }
        throw new DeploymentException($"{request}, which {Service} does not offer (as of {ServiceVersions.AsOf} it offers {string.Join(", ", Majors.Keys)}): set {setting} to a version it offers");
    }
}
