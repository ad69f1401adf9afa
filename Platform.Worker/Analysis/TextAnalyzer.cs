namespace Platform.Worker.Analysis;

/// <summary>Lines, words and characters of UTF-8 text.</summary>
public sealed class TextAnalyzer : IContentAnalyzer
{
    private long _lines;
    private long _words;
    private long _characters;
    private bool _inWord;
    private byte _last = (byte)'\n';

    public void Append(ReadOnlySpan<byte> chunk)
    {
        foreach (var b in chunk)
        {
            // A UTF-8 continuation byte (10xxxxxx) is part of the character before it.
            if ((b & 0xC0) != 0x80)
            {
                _characters++;
            }
            if (b == '\n')
            {
                _lines++;
            }
            var space = b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0B or 0x0C;
            if (!space && !_inWord)
            {
                _words++;
            }
            _inWord = !space;
            _last = b;
        }
    }

    public IReadOnlyDictionary<string, object> Facts() => new Dictionary<string, object>
    {
        ["kind"] = "text",
        // A last line without a newline is still a line.
        ["lines"] = _lines + (_last == '\n' ? 0 : 1),
        ["words"] = _words,
        ["characters"] = _characters,
    };
}
