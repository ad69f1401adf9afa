namespace Platform.Api.Assets;

public sealed record NewAsset(Guid Id, string OwnerId, string FileName, string DeclaredContentType, long SizeBytes, string ObjectKey);
