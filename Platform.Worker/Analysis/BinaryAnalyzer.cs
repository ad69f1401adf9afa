using System.Buffers.Binary;

namespace Platform.Worker.Analysis;

/// <summary>Basic facts about a non-text file: its kind, and an image's size where the header tells it.</summary>
public sealed class BinaryAnalyzer(string contentType, ReadOnlySpan<byte> head) : IContentAnalyzer
{
    private readonly (int Width, int Height)? _dimensions = Dimensions(contentType, head);

    public void Append(ReadOnlySpan<byte> chunk)
    {
    }

    public IReadOnlyDictionary<string, object> Facts()
    {
        var facts = new Dictionary<string, object>
        {
            ["kind"] = contentType.Split('/')[0] switch { "image" => "image", _ => contentType == "application/octet-stream" ? "binary" : "document" },
        };
        if (_dimensions is var (width, height))
        {
            facts["width"] = width;
            facts["height"] = height;
        }
        return facts;
    }

    private static (int, int)? Dimensions(string contentType, ReadOnlySpan<byte> head) => contentType switch
    {
        // IHDR: width and height, big-endian, after the 8-byte signature and the chunk's length and type.
        "image/png" when head.Length >= 24 => (BinaryPrimitives.ReadInt32BigEndian(head[16..]), BinaryPrimitives.ReadInt32BigEndian(head[20..])),
        // Logical screen size, little-endian, after "GIF89a".
        "image/gif" when head.Length >= 10 => (BinaryPrimitives.ReadUInt16LittleEndian(head[6..]), BinaryPrimitives.ReadUInt16LittleEndian(head[8..])),
        _ => null,
    };
}
