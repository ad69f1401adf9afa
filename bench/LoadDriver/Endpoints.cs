namespace LoadDriver;

/// <summary>Where the stack's services listen, and the web client's secret (for the code exchange), from the environment
/// that bench/sla.sh and bench/chaos.sh read out of the api's own (never from a command line).</summary>
internal sealed record Endpoints(Uri Api, Uri Web, Uri Identity, string WebClientSecret)
{
    public static Endpoints FromEnvironment() => new(
        new Uri(Required("API")),
        new Uri(Required("WEB")),
        new Uri(Required("IDENTITY")),
        File.ReadAllText(Required("WEB_CLIENT_SECRET_FILE")).Trim());

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"{name} is not set");
}
