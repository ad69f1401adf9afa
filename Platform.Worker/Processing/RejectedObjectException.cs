namespace Platform.Worker.Processing;

/// <summary>The stored object is not what its upload declared (another size or type): no retry can change that, so the
/// job fails at once and the asset is marked failed with this message as its reason.</summary>
public sealed class RejectedObjectException(string reason) : Exception(reason);
