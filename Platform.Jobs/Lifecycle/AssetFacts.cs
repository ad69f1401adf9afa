namespace Platform.Jobs.Lifecycle;

public sealed record AssetFacts(string ContentType, string Sha256, string ReportKey);
