namespace Platform.Manifest;

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
