using System.Text;

namespace Platform.Tests.Workload.Fuzz;

/// <summary>Bad uploads (<c>POST /api/assets</c>, or web's <c>/uploads</c> that passes them on): malformed and truncated
/// multipart, wrong and missing content types, bad parts, bad file names.</summary>
public static class UploadCases
{
    /// <summary><paramref name="count"/> bad bodies, each with its Content-Type (null: none) and what is wrong.</summary>
    public static IEnumerable<(byte[] Body, string? ContentType, string What)> Bodies(Random random, int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return random.Next(6) switch
            {
                0 => Truncated(random),
                1 => WrongContentType(random),
                2 => BadBoundary(random),
                3 => BadPart(random),
                _ => BadFileName(random),
            };
        }
    }

    private static byte[] Content(Random random) => Encoding.UTF8.GetBytes(random.Text(1, 4000));

    private static byte[] ValidBody(Random random, string boundary = Multipart.Boundary) =>
        Multipart.Body(boundary, Multipart.FilePart("fine.txt", Content(random)));

    private static (byte[], string?, string) Truncated(Random random)
    {
        var body = ValidBody(random);
        var cut = random.Next(0, Multipart.ClosingDelimiterAt(body) + 1);
        return (body[..cut], Multipart.ContentType(), $"a multipart body cut off after {cut} of {body.Length} bytes");
    }

    private static (byte[], string?, string) WrongContentType(Random random)
    {
        var contentType = random.Pick<string?>([null, "text/plain", "application/json", "application/x-www-form-urlencoded", "application/octet-stream",
            $"multipart/mixed; boundary={Multipart.Boundary}", $"text/plain; boundary={Multipart.Boundary}", "multipart/form-data", "garbage", "/", "multipart/",
            $"multipart/form-data; boundary=\"{Multipart.Boundary}", ";;;", "multipart/form-data; boundary="]);
        return (ValidBody(random), contentType, $"a multipart body sent as '{contentType ?? "(no Content-Type)"}'");
    }

    private static (byte[], string?, string) BadBoundary(Random random) => random.Next(3) switch
    {
        0 => (ValidBody(random), Multipart.ContentType("another-boundary"), "a body whose delimiters are not the declared boundary"),
        1 => (ValidBody(random, new string('b', 250)), Multipart.ContentType(new string('b', 250)), "a boundary of 250 characters"),
        _ => (Encoding.UTF8.GetBytes(random.Text(0, 300)), Multipart.ContentType(), "a multipart body of random text"),
    };

    private static (byte[], string?, string) BadPart(Random random)
    {
        var content = Content(random);
        var (part, what) = random.Next(7) switch
        {
            0 => (Multipart.Part("Content-Disposition: form-data; name=\"note\""u8.ToArray(), content), "no file part, only a field"),
            1 => (Multipart.Part(Encoding.ASCII.GetBytes($"Content-Disposition: form-data; name=\"{random.Pick(["files", "File", "", "upload"])}\"; filename=\"a.txt\""), content), "a file part of another name"),
            2 => (Multipart.Part("Content-Type: text/plain"u8.ToArray(), content), "a part without Content-Disposition"),
            3 => (Multipart.Part(Encoding.ASCII.GetBytes($"Content-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nX-Long: {new string('x', 20_000)}"), content), "a part header line over 16 KB"),
            4 => (Multipart.Part(Encoding.ASCII.GetBytes("Content-Disposition: form-data; name=\"file\"; filename=\"a.txt\"" + string.Concat(Enumerable.Range(0, 20).Select(n => $"\r\nX-{n}: {n}"))), content), "a part with 21 headers"),
            5 => (Multipart.FilePart("a.txt", content, random.Pick(["not a type", new string('t', 300) + "/plain", "text/", "text/plain; charset=\"utf-8", "@/@"])), "a file part whose Content-Type is not a media type"),
            _ => (Multipart.FilePart("empty.txt", []), "an empty file"),
        };
        return (Multipart.Body(Multipart.Boundary, part), Multipart.ContentType(), what);
    }

    private static (byte[], string?, string) BadFileName(Random random)
    {
        var (name, what) = random.BadFileName();
        return (Multipart.Body(Multipart.Boundary, Multipart.FilePart(name, Content(random))), Multipart.ContentType(), what);
    }
}
