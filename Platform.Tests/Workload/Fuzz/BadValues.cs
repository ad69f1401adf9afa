using System.Text;

namespace Platform.Tests.Workload.Fuzz;

/// <summary>Bad values of every kind the suite puts in ids, names and fields, drawn from a seeded <see cref="Random"/>.</summary>
public static class BadValues
{
    private const string Junk = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~!$&'()*+,;=:@ ";

    /// <summary>Bidirectional controls: they make a name show in another order than it is stored.</summary>
    private static readonly string[] Bidi = ["\u202E", "\u202D", "\u202A", "\u202B", "\u202C", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C"];

    /// <summary>Byte sequences that are not UTF-8: stray continuation, lone lead, overlong, an encoded surrogate, 0xFF.</summary>
    private static readonly byte[][] NotUtf8 = [[0x80], [0xC3], [0xE2, 0x82], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xFF], [0xFE, 0xFF], [0xF8, 0x88, 0x80, 0x80, 0x80]];

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static string Text(this Random random, int minLength, int maxLength)
    {
        var length = random.Next(minLength, maxLength + 1);
        return string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Junk[r.Next(Junk.Length)];
            }
        });
    }

    public static string BidiControl(this Random random) => random.Pick(Bidi);

    public static byte[] InvalidUtf8(this Random random) => random.Pick(NotUtf8);

    /// <summary>A NUL in a path is refused by Kestrel's request-line parser (a bare 400), before any of the service runs.</summary>
    public static bool RefusedByKestrel(string segment) => segment.Contains("%00", StringComparison.Ordinal);

    /// <summary>An id of a wrong shape, ready for a URL path segment (escaped where it must be), and what is wrong with it.</summary>
    public static (string Segment, string What) BadId(this Random random)
    {
        var guid = Guid.NewGuid().ToString();
        return random.Next(12) switch
        {
            0 => (Uri.EscapeDataString(random.Text(1, 40)), "an id of random text"),
            1 => (guid[..random.Next(1, guid.Length)], "a truncated GUID"),
            2 => (guid.Insert(random.Next(guid.Length + 1), random.Pick(["0", "a", "-", "x"])), "a GUID with a character too many"),
            3 => (ReplaceAt(guid, random.Next(guid.Length), random.Pick(['g', 'z', '_', 'G'])), "a GUID with a character that is not hex"),
            4 => (random.Pick(["0", "-1", "12345", long.MaxValue.ToString(), "1e9", "0x1F", "-0"]), "a number"),
            5 => (new string('a', random.Next(2000, 6000)), "a huge id"),
            6 => (string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => string.Concat(random.InvalidUtf8().Select(b => $"%{b:X2}")))), "an id that is not UTF-8"),
            7 => (Uri.EscapeDataString(random.BidiControl() + guid), "a GUID behind a bidirectional control"),
            8 => (random.Pick(["%00", "%0A", "%0D%0A", "%7F", "%1B"]) + guid, "a GUID behind a control character"),
            9 => (random.Pick(["..%2F..%2Fetc%2Fpasswd", "%2E%2E", "%2F", "..%5C..%5Cwin.ini"]), "a path"),
            10 => (Uri.EscapeDataString(random.Pick(["' OR '1'='1", "null", "undefined", "{}", "[]", "true", "NaN", "\"\""])), "a literal of another language"),
            _ => (Uri.EscapeDataString(guid.ToUpperInvariant().Replace("-", "") + "00"), "a GUID of 34 digits"),
        };
    }

    /// <summary>A page parameter that is out of range or not a number.</summary>
    public static (string Value, bool IsPageSize, string What) BadPage(this Random random)
    {
        var pageSize = random.Next(2) == 0;
        var (value, what) = random.Next(8) switch
        {
            0 => (pageSize ? random.Pick(["0", "-1", "101", "1000", "2147483647"]) : random.Pick(["-1", "-2147483648", "1000001", "2147483647"]), "out of range"),
            1 => ("99999999999999999999", "beyond any integer"),
            2 => (random.Pick(["1.5", "2e1", "0x10", "1_0", "+-1"]), "not an integer"),
            3 => (Uri.EscapeDataString(random.Text(1, 20).Trim() + "x"), "text"),
            4 => (Uri.EscapeDataString(random.Pick(["١٢", "１０", "²"])), "digits of another script"),
            5 => (string.Concat(random.InvalidUtf8().Select(b => $"%{b:X2}")), "not UTF-8"),
            6 => (Uri.EscapeDataString(random.BidiControl() + "1"), "a number behind a bidirectional control"),
            _ => (new string('9', random.Next(50, 3000)), "a huge number"),
        };
        return (value, pageSize, $"{(pageSize ? "pageSize" : "pageIndex")} {what}");
    }

    /// <summary>The file name parameter of a multipart part's Content-Disposition (<c>filename="…"</c>, or RFC 5987's
    /// <c>filename*=</c>), as bytes, with a bad name; and what is wrong with it.</summary>
    public static (byte[] Parameter, string What) BadFileName(this Random random)
    {
        var stem = random.Text(1, 20).Replace(" ", "");
        stem = stem.Length == 0 ? "file" : stem;
        var (name, what) = random.Next(9) switch
        {
            0 => (Concat(Encoding.UTF8.GetBytes(stem), random.InvalidUtf8(), ".txt"u8.ToArray()), "a file name that is not UTF-8"),
            1 => (Encoding.UTF8.GetBytes(stem + random.BidiControl() + "txt.exe"), "a file name with a bidirectional control"),
            2 => (Encoding.UTF8.GetBytes(stem + (char)random.Pick([1, 7, 8, 0x1B, 0x7F, 0x85]) + ".txt"), "a file name with a control character"),
            3 => (Encoding.UTF8.GetBytes(random.Pick(["../", "/", "..\\", "a/", "C:\\"]) + stem), "a file name with a path"),
            4 => (Encoding.UTF8.GetBytes(new string('n', random.Next(256, 2000))), "a file name over 255 characters"),
            5 => (Encoding.UTF8.GetBytes(new string(' ', random.Next(1, 5))), "a blank file name"),
            6 => (Encoding.UTF8.GetBytes(random.Pick([".", ".."])), "a file name that is a directory"),
            7 => (Encoding.UTF8.GetBytes(stem + "\uFFFD.txt"), "a file name with the replacement character"),
            _ => ([], ""),
        };
        if (what.Length > 0)
        {
            return (Concat("filename=\""u8.ToArray(), name, "\""u8.ToArray()), what);
        }
        // RFC 5987's form, percent-encoded: bytes that are not UTF-8, or a bidirectional control.
        var encoded = random.Next(2) == 0
            ? string.Concat(random.InvalidUtf8().Select(b => $"%{b:X2}"))
            : Uri.EscapeDataString(random.BidiControl());
        return (Encoding.ASCII.GetBytes($"filename*=UTF-8''{Uri.EscapeDataString(stem)}{encoded}.txt"), "an RFC 5987 file name that is not UTF-8 or hides a bidirectional control");
    }

    private static string ReplaceAt(string text, int index, char c) => string.Concat(text.AsSpan(0, index), [c], text.AsSpan(index + 1));

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
