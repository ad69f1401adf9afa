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

/// <summary>One step of a job's history: <c>started</c>, <c>retry-scheduled</c>, <c>handed-back</c>, <c>done</c> or <c>dead-lettered</c>.</summary>
public sealed record JobEvent(DateTime At, string Event, int Attempt, string Worker, string? TraceId, string? Detail);
