
namespace Platform.AWSSDK.S3;

public sealed class S3Settings : IClientSettings
{
    public string? ConnectionString { get; set; }
    public bool DisableHealthChecks { get; set; }
}
