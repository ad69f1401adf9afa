namespace Platform.Api.Contracts;

public sealed record JobCount(string Type, string Status, long Count);
