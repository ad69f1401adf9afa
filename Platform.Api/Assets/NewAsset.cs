namespace Platform.Api.Assets;

public sealed record NewAsset(Guid Id, string FileName, string DeclaredContentType, long SizeBytes, string ObjectKey);
