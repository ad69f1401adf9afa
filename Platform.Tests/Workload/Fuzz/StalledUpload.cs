using System.Net;

namespace Platform.Tests.Workload.Fuzz;

/// <summary>An upload that sends the start of its body, then nothing: as a client on a dead link, or one that holds a
/// connection open on purpose. It stays stalled until <paramref name="release"/> is cancelled.</summary>
public sealed class StalledUpload(byte[] start, CancellationToken release) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        await SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(start, cancellationToken);
        await stream.FlushAsync(cancellationToken);
        using var both = CancellationTokenSource.CreateLinkedTokenSource(release, cancellationToken);
        // Waits for the test to let go (or the request to end), not for a length of time.
        await Task.Delay(Timeout.Infinite, both.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        throw new IOException("The stalled upload was let go.");
    }

    protected override bool TryComputeLength(out long length)
    {
        // A declared length much larger than what is sent: the server waits for the rest.
        length = start.Length + 1024 * 1024;
        return true;
    }
}
