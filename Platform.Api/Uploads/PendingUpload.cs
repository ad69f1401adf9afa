namespace Platform.Api.Uploads;

/// <summary>An upload whose URL was issued and whose completion has not come yet: what the client declared, and who.</summary>
public sealed record PendingUpload(string OwnerId, string FileName, string ContentType, long Size);
