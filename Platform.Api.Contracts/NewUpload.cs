namespace Platform.Api.Contracts;

/// <summary>What a client means to upload (<c>POST /api/uploads</c>): the bytes then go straight to the object store,
/// with the size and type given here bound in the signature.</summary>
public sealed record NewUpload(string FileName, string ContentType, long Size);
