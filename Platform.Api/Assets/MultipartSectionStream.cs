namespace Platform.Api.Assets;

/// <summary>
/// A file part's body, read while it streams to S3. The multipart reader says that the body is cut short or malformed
/// (no closing boundary, a line or header over its limits) with an <see cref="IOException"/> or
/// <see cref="InvalidDataException"/>, which would otherwise be a 500: here it is the client's 400, with what was wrong.
/// </summary>
internal sealed class MultipartSectionStream(Stream inner) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>The multipart reader's own complaints; not Kestrel's (already a 4xx with its status), nor a connection the
    /// client dropped (nobody hears the answer).</summary>
    public static bool IsMalformedBody(Exception e) =>
        e is InvalidDataException || (e.GetType() == typeof(IOException));

    public static string Describe(Exception e) => $"The multipart body is malformed or cut short: {e.Message}";

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.ReadAsync(buffer, cancellationToken);
        }
        catch (Exception e) when (IsMalformedBody(e))
        {
            throw new BadHttpRequestException(Describe(e), StatusCodes.Status400BadRequest, e);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Read the upload asynchronously.");
    public override void Flush() => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
