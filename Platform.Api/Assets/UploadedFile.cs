namespace Platform.Api.Assets;

/// <summary>The file of a <c>multipart/form-data</c> upload, as a stream straight off the request body.</summary>
public sealed record UploadedFile(string FileName, string ContentType, Stream Content);
