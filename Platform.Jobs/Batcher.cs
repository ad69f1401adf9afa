using System.Threading.Channels;

namespace Platform.Jobs;

/// <summary>
/// Group commit: calls that arrive while a batch is being written wait and go together in the next one, so many jobs
/// share one database statement or one Redis round trip. A call that arrives when nothing is in flight goes at once,
/// alone, so batching adds no latency when the worker is not busy.
/// </summary>
public sealed class Batcher<TItem, TResult>
{
    // Synchronous continuations: a call that finds the loop idle starts the write on its own thread, without waking
    // another thread first (a hop that can wait for a core when the machine is busy).
    private readonly Channel<(TItem Item, TaskCompletionSource<TResult> Result)> _queue =
        Channel.CreateUnbounded<(TItem, TaskCompletionSource<TResult>)>(new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = true });
    private readonly Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> _write;
    private readonly int _maxBatch;

    /// <param name="write">Writes a batch; returns one result per item, in order. When it throws, every call of the batch throws.</param>
    public Batcher(Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> write, int maxBatch)
    {
        _write = write;
        _maxBatch = maxBatch;
        _ = Task.Run(WriteBatchesAsync);
    }

    public Task<TResult> RunAsync(TItem item)
    {
        // Asynchronous continuations: the callers' own work must not run on (and hold up) the writing loop.
        var result = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        // Unbounded and never completed: the write always succeeds.
        _queue.Writer.TryWrite((item, result));
        return result.Task;
    }

    private async Task WriteBatchesAsync()
    {
        var batch = new List<(TItem Item, TaskCompletionSource<TResult> Result)>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var call))
            {
                batch.Add(call);
            }
            try
            {
                var results = await _write([.. batch.Select(call => call.Item)]);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Result.SetResult(results[i]);
                }
            }
            catch (Exception e)
            {
                foreach (var call in batch)
                {
                    call.Result.TrySetException(e);
                }
            }
            batch.Clear();
        }
    }
}
