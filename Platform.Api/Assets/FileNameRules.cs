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
        _ => null,
    };
}
