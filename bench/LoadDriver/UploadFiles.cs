using System.Text;

namespace LoadDriver;

/// <summary>
/// Files to upload: sizes from 1 KB to 5 MB, uniform in their logarithm (as many files of 1-10 KB as of 0.5-5 MB:
/// most uploads are small, most bytes are in the large ones; mean about 600 KB), text and CSV, cut from one buffer.
/// </summary>
internal static class UploadFiles
{
    public const int MinBytes = 1024;
    public const int MaxBytes = 5 * 1024 * 1024;
    private static readonly byte[] Text = Fill("lorem ipsum dolor sit amet, consectetur adipiscing elit\n");
    private static readonly byte[] Csv = Fill("id,name,amount,when\n17,widget,12.50,2026-12-01\n");

    public static int NextSize(Random random) => (int)Math.Round(Math.Exp(Math.Log(MinBytes) + random.NextDouble() * (Math.Log(MaxBytes) - Math.Log(MinBytes))));

    /// <summary>A file of <paramref name="size"/> bytes: a quarter CSV, the rest text.</summary>
    public static File Next(Random random, int size)
    {
        var csv = random.Next(4) == 0;
        return new File(csv ? "bench.csv" : "bench.txt", csv ? "text/csv" : "text/plain", new ArraySegment<byte>(csv ? Csv : Text, 0, size));
    }

    public sealed record File(string Name, string ContentType, ArraySegment<byte> Content);

    private static byte[] Fill(string line)
    {
        var bytes = Encoding.ASCII.GetBytes(line);
        var buffer = new byte[MaxBytes];
        for (var i = 0; i < buffer.Length; i += bytes.Length)
        {
            bytes.AsSpan(0, Math.Min(bytes.Length, buffer.Length - i)).CopyTo(buffer.AsSpan(i));
        }
        return buffer;
    }
}
