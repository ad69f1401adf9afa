using System.Text.Json;

namespace Platform.Api.Contracts;

/// <summary>A job, where it is, and every attempt at it.</summary>
public sealed record Job(
    Guid Id,
    string Type,
    Guid AssetId,
    string Status,
    int Attempts,
    string? Error,
    JsonElement? Result,
    DateTime CreatedAt,
    DateTime? StartedAt,
    DateTime? CompletedAt,
    IReadOnlyList<JobEvent> Events);
