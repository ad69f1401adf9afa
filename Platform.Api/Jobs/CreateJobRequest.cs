namespace Platform.Api.Jobs;

/// <summary>The body of <c>POST /api/jobs</c>.</summary>
public sealed record CreateJobRequest(string? Type, Guid? AssetId);
