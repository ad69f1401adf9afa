using Amazon.S3.Model;

namespace Platform.Tests.Workload.Fuzz;

/// <summary>What the services have written, counted: asset and job rows, the job stream's entries and, when asked, the
/// bucket's objects. A refused request changes none of them.</summary>
public sealed record WrittenState(long Assets, long Jobs, long JobEvents, long QueuedEntries, int? Objects)
{
    /// <summary>The same counts; the objects only when both counted them.</summary>
    public bool Same(WrittenState other) =>
        this with { Objects = null } == other with { Objects = null } && (Objects is null || other.Objects is null || Objects == other.Objects);

    public static async Task<WrittenState> CountAsync(Workload workload, bool objects)
    {
        var rows = await workload.ScalarAsync<string>("SELECT concat_ws(' ', (SELECT count(*) FROM assets), (SELECT count(*) FROM jobs), (SELECT count(*) FROM job_events))");
        var counts = rows.Split(' ').Select(long.Parse).ToArray();
        var entries = await workload.Redis.GetDatabase().StreamLengthAsync("jobs");
        return new WrittenState(counts[0], counts[1], counts[2], entries, objects ? await CountObjectsAsync(workload) : null);
    }

    /// <summary>Every object under <c>assets/</c>, a page of a thousand at a time.</summary>
    private static async Task<int> CountObjectsAsync(Workload workload)
    {
        var request = new ListObjectsV2Request { BucketName = workload.Storage.BucketName, Prefix = "assets/" };
        var count = 0;
        do
        {
            var page = await workload.S3.ListObjectsV2Async(request);
            count += page.S3Objects?.Count ?? 0;
            request.ContinuationToken = page.NextContinuationToken;
        }
        while (request.ContinuationToken is not null);
        return count;
    }
}
