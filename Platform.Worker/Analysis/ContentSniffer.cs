using System.Text.Unicode;

namespace Platform.Worker.Analysis;

/// <summary>Names a file's content type from its first bytes (the upload's declared type is the client's claim, not a fact).</summary>
public static class ContentSniffer
{
    private static readonly (byte[] Magic, string ContentType)[] Signatures =
    [
        ([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], "image/png"),
        ([0xFF, 0xD8, 0xFF], "image/jpeg"),
        ("GIF87a"u8.ToArray(), "image/gif"),
        ("GIF89a"u8.ToArray(), "image/gif"),
        ("%PDF-"u8.ToArray(), "application/pdf"),
        ([(byte)'P', (byte)'K', 0x03, 0x04], "application/zip"),
        ([0x1F, 0x8B], "application/gzip"),
    ];

    /// <param name="head">The file's first bytes.</param>
    /// <param name="isWholeFile">Whether <paramref name="head"/> is all of it (a cut UTF-8 sequence at its end is then an error).</param>
    public static string Detect(ReadOnlySpan<byte> head, string fileName, bool isWholeFile)
    {
        foreach (var (magic, contentType) in Signatures)
        {
            if (head.StartsWith(magic))
            {
                return contentType;
            }
        }
        if (!IsText(head, isWholeFile))
        {
            return "application/octet-stream";
        }
        return Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".csv" => "text/csv",
            ".json" => "application/json",
            ".md" => "text/markdown",
            _ => "text/plain",
        };
    }

    public static bool IsText(string contentType) => contentType.StartsWith("text/", StringComparison.Ordinal) || contentType == "application/json";

    private static bool IsText(ReadOnlySpan<byte> head, bool isWholeFile)
    {
        if (head.Contains((byte)0))
        {
            return false;
        }
        if (Utf8.IsValid(head))
        {
            return true;
        }
        // The sample may end inside a multi-byte character.
        for (var cut = 1; !isWholeFile && cut <= 3 && cut < head.Length; cut++)
        {
            if (Utf8.IsValid(head[..^cut]))
            {
                return true;
            }
        }
        return false;
    }
}
