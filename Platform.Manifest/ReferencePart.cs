namespace Platform.Manifest;

/// <summary>
/// A leaf the deployment supplies: a binding (<c>bindings.http.url</c>), a parameter input (<c>inputs.value</c>)
/// or a stack output (<c>output.BucketName</c>). <see cref="Filter"/> is <c>uri</c> when the value must be URI-encoded.
/// </summary>
public sealed record ReferencePart(string Resource, string Property, string? Filter = null) : ValuePart
{
    public string Expression => $"{{{Resource}.{Property}}}";

    /// <summary>The segments of <see cref="Property"/>: <c>bindings</c>, <c>http</c>, <c>url</c>.</summary>
    public IReadOnlyList<string> Path => Property.Split('.');
}
