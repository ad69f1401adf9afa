using System.Buffers;
using System.Security.Cryptography;

namespace Platform.Worker.Analysis;

/// <summary>Reads a file once, as a stream: hashes it, counts it, sniffs its type and analyses it, all in the same pass.</summary>
public sealed class AssetScanner
{
    private const int ChunkSize = 128 * 1024;

    public async Task<ScanResult> ScanAsync(Stream content, string fileName, CancellationToken cancellationToken)
    {
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            var read = await FillAsync(content, buffer, cancellationToken);
            var head = buffer.AsSpan(0, read);
            var contentType = ContentSniffer.Detect(head, fileName, isWholeFile: read < ChunkSize);
            var analyzer = IContentAnalyzer.For(contentType, head);
            long size = 0;
            while (read > 0)
            {
                sha256.AppendData(buffer, 0, read);
                analyzer.Append(buffer.AsSpan(0, read));
                size += read;
                read = await content.ReadAsync(buffer.AsMemory(0, ChunkSize), cancellationToken);
            }
            return new ScanResult(size, Convert.ToHexStringLower(sha256.GetHashAndReset()), contentType, analyzer.Facts());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The first chunk is read whole, so that sniffing sees enough of the file.</summary>
    private static async Task<int> FillAsync(Stream content, byte[] buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        int read;
        while (total < ChunkSize && (read = await content.ReadAsync(buffer.AsMemory(total, ChunkSize - total), cancellationToken)) > 0)
        {
            total += read;
        }
        return total;
    }
}
