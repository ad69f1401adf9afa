namespace Platform.Manifest;

/// <summary>The manifest cannot be read, or an expression in it cannot be resolved. The message names the resource and the expression.</summary>
public sealed class ManifestException(string message) : Exception(message);
