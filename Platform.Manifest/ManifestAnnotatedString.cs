namespace Platform.Manifest;

/// <summary><c>annotated.string</c>: another value passed through a filter (<c>uri</c>: URI-encoded).</summary>
public sealed record ManifestAnnotatedString(string Name, string Value, string Filter) : ManifestResource(Name, ManifestTypes.AnnotatedString);
