namespace Platform.Api.Contracts;

public sealed record ContentTypeCount(string ContentType, long Count, long Bytes);
