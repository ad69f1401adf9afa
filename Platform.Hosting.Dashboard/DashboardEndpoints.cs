using System.Security.Cryptography;

namespace Platform.Hosting.Dashboard;

/// <summary>
/// Where this run's dashboard listens, and its two secrets: the browser token (printed in the login link) and
/// the OTLP API key (given to the projects in their environment, never logged or shown).
/// </summary>
internal sealed class DashboardEndpoints
{
    public required int Port { get; init; }
    public required int OtlpGrpcPort { get; init; }
    public required int OtlpHttpPort { get; init; }
    public required string BrowserToken { get; init; }
    public required string OtlpApiKey { get; init; }

    public Uri Url => new($"http://localhost:{Port}");

    public Uri LoginUrl => new($"http://localhost:{Port}/login?t={BrowserToken}");

    public string OtlpGrpcUrl => $"http://localhost:{OtlpGrpcPort}";

    public string OtlpHttpUrl => $"http://localhost:{OtlpHttpPort}";

    /// <summary>Aspire's token format: 16 random bytes as 32 lowercase hex digits.</summary>
    public static string GenerateToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Compares a secret in constant time, so that timing does not reveal how much of a guess was right.</summary>
    public static bool Matches(string? candidate, string secret) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(candidate), System.Text.Encoding.UTF8.GetBytes(secret));
}
