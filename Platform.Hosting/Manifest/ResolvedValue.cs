namespace Platform.Hosting.Manifest;

/// <summary>A part of a resolved value: literal text, or a reference that only the deployment can supply.</summary>
public abstract record ValuePart;

public sealed record LiteralPart(string Text) : ValuePart;

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

/// <summary>A value with every connection string and parameter value expanded down to literals and leaves.</summary>
public sealed record ResolvedValue(IReadOnlyList<ValuePart> Parts)
{
    public bool IsLiteral => Parts.All(p => p is LiteralPart);

    public IEnumerable<ReferencePart> References => Parts.OfType<ReferencePart>();

    /// <summary>The final string, given a value for each leaf (URI-encoded where a filter says so).</summary>
    public string Render(Func<ReferencePart, string> leafValue) => string.Concat(Parts.Select(part => part switch
    {
        LiteralPart literal => literal.Text,
        ReferencePart { Filter: "uri" } reference => Uri.EscapeDataString(leafValue(reference)),
        ReferencePart reference => leafValue(reference),
        _ => throw new InvalidOperationException(),
    }));

    /// <summary>The value with its leaves still as placeholders.</summary>
    public override string ToString() => Render(reference => reference.Expression);
}
