using System.Text;

namespace Platform.Tests.Workload.Fuzz;

/// <summary>multipart/form-data bodies written byte by byte, so that they can be as wrong as a case needs.</summary>
public static class Multipart
{
    public const string Boundary = "fuzz-boundary-7MA4YWxkTrZu0gW";

    public static string ContentType(string boundary = Boundary) => $"multipart/form-data; boundary={boundary}";

    /// <summary>One part: its header lines (CRLF-separated, without the blank line) and its body.</summary>
    public static byte[] Part(byte[] headers, byte[] body) => [.. headers, .. "\r\n\r\n"u8, .. body];

    /// <summary>The file part as a browser sends it, with <paramref name="fileNameParameter"/> as the name.</summary>
    public static byte[] FilePart(byte[] fileNameParameter, byte[] content, string contentType = "text/plain") =>
        Part([.. "Content-Disposition: form-data; name=\"file\"; "u8, .. fileNameParameter, .. Encoding.ASCII.GetBytes($"\r\nContent-Type: {contentType}")], content);

    public static byte[] FilePart(string fileName, byte[] content, string contentType = "text/plain") =>
        FilePart(Encoding.UTF8.GetBytes($"filename=\"{fileName}\""), content, contentType);

    /// <summary>The parts between delimiters, and the closing delimiter.</summary>
    public static byte[] Body(string boundary, params byte[][] parts)
    {
        var body = new List<byte>();
        foreach (var part in parts)
        {
            body.AddRange(Encoding.ASCII.GetBytes($"--{boundary}\r\n"));
            body.AddRange(part);
            body.AddRange("\r\n"u8.ToArray());
        }
        body.AddRange(Encoding.ASCII.GetBytes($"--{boundary}--\r\n"));
        return [.. body];
    }

    /// <summary>Where the closing delimiter starts: a body cut anywhere before it has lost some of its file.</summary>
    public static int ClosingDelimiterAt(byte[] body, string boundary = Boundary) =>
        body.AsSpan().LastIndexOf(Encoding.ASCII.GetBytes($"\r\n--{boundary}--"));

    public static Func<HttpContent?> Content(byte[] body, string? contentType) => () =>
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        return content;
    };
}
