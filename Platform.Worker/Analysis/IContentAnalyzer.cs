namespace Platform.Worker.Analysis;

/// <summary>Learns facts about a file from its bytes, fed in order, one chunk at a time (files are never held whole).</summary>
public interface IContentAnalyzer
{
    void Append(ReadOnlySpan<byte> chunk);

    /// <summary>The facts, for the report's <c>analysis</c> object.</summary>
    IReadOnlyDictionary<string, object> Facts();

    /// <summary>The analyzer for a content type; <paramref name="head"/> is the file's first bytes.</summary>
    static IContentAnalyzer For(string contentType, ReadOnlySpan<byte> head) => contentType switch
    {
        "text/csv" => new CsvAnalyzer(),
        _ when ContentSniffer.IsText(contentType) => new TextAnalyzer(),
        _ => new BinaryAnalyzer(contentType, head),
    };
}
