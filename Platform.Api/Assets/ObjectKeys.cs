namespace Platform.Api.Assets;

/// <summary>Where an asset's bytes and its report are stored.</summary>
public sealed record ObjectKeys(string ObjectKey, string? ReportKey)
{
    public IEnumerable<string> All => ReportKey is null ? [ObjectKey] : [ObjectKey, ReportKey];
}
