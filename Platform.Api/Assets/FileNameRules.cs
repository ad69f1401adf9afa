namespace Platform.Api.Assets;

/// <summary>
/// What an uploaded file may be called. A name is stored and shown, never used as a path, but one that looks like
/// a path (or hides control characters) is refused rather than silently rewritten, so the user knows.
/// </summary>
public static class FileNameRules
{
    public const int MaxLength = 255;

    /// <summary>Why <paramref name="fileName"/> is not acceptable, or null when it is.</summary>
    public static string? Problem(string? fileName) => fileName switch
    {
        null or "" => "The file has no name.",
        { Length: > MaxLength } => $"The file name is longer than {MaxLength} characters.",
        _ when string.IsNullOrWhiteSpace(fileName) => "The file name is blank.",
        _ when fileName.IndexOfAny(['/', '\\']) >= 0 || fileName is "." or ".." => "The file name must not contain a path.",
        _ when fileName.Any(char.IsControl) => "The file name must not contain control characters.",
        // Bytes that were not UTF-8 arrive as U+FFFD (or as half a surrogate pair): the name the user sees would not be the one sent.
        _ when fileName.Contains('\uFFFD') || !IsWellFormed(fileName) => "The file name is not valid UTF-8.",
        // They make a name display in another order than it is stored ("txt.exe" shown as "exe.txt").
        _ when fileName.Any(IsBidirectionalControl) => "The file name must not contain bidirectional control characters.",
        _ => null,
    };

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsBidirectionalControl(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
