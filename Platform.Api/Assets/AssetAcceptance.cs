using Platform.Api.Authorization;
using Platform.Jobs;
using Platform.Jobs.Queue;

namespace Platform.Api.Assets;

/// <summary>Records an asset whose object is stored and queues its processing, all or nothing: whichever step fails, what
/// the earlier ones wrote is taken back, and <paramref name="release"/> says what becomes of the object then.</summary>
public static class AssetAcceptance
{
    public static async Task<Asset?> AcceptAsync(AssetStore store, JobStream queue, NewAsset asset, Caller caller, Func<Task> release, CancellationToken cancellationToken)
    {
        var jobId = Guid.CreateVersion7();
        try
        {
            await store.InsertWithJobAsync(asset, jobId, JobTypes.ProcessAsset, cancellationToken);
        }
        catch
        {
            await release();
            throw;
        }
        // Read before queueing: once queued, a worker may change it before the client hears of it.
        var accepted = await store.FindAsync(asset.Id, caller, cancellationToken);
        try
        {
            await queue.EnqueueAsync(JobEntry.ForCurrentTrace(jobId, JobTypes.ProcessAsset));
        }
        catch
        {
            // Unqueued, the asset would wait forever: take it back and let the client retry.
            await store.DeleteAsync(asset.Id, caller, CancellationToken.None);
            await release();
            throw;
        }
        return accepted;
    }
}
