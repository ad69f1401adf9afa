namespace Platform.Api.Contracts;

/// <summary>One step of a job's history: <c>started</c>, <c>retry-scheduled</c>, <c>handed-back</c>, <c>done</c> or <c>dead-lettered</c>.</summary>
public sealed record JobEvent(DateTime At, string Event, int Attempt, string Worker, string? TraceId, string? Detail);
