namespace Platform.Worker.Jobs;

public sealed record AssetFacts(string ContentType, string Sha256, string ReportKey);
