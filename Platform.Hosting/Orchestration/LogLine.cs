namespace Platform.Hosting.Orchestration;

public sealed record LogLine(long Sequence, DateTimeOffset Timestamp, string Text, bool IsError);
