namespace Platform.Api.Contracts;

/// <summary>
/// A presigned request for one upload (the answer to <c>POST /api/uploads</c>): send exactly the declared number of bytes
/// with <see cref="Method"/> to <see cref="Url"/>, with <see cref="Headers"/>, before <see cref="ExpiresAt"/>; then
/// <c>POST /api/uploads/{uploadId}/complete</c>. The size is signed as the request's <c>Content-Length</c>, which an
/// HTTP client derives from the body, so it is not among the headers to set.
/// </summary>
public sealed record UploadTicket(Guid UploadId, string Url, string Method, IReadOnlyDictionary<string, string> Headers, DateTimeOffset ExpiresAt);
