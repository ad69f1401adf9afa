using Platform.Tests.Infrastructure;
using Platform.Jobs;

namespace Platform.Tests.Workload;

/// <summary>The worker's group commit: what makes thousands of small jobs a second cost a few statements.</summary>
[Trait("Tier", "Fast")]
public sealed class BatcherTests
{
    [Fact]
    public async Task Calls_made_while_a_batch_is_written_go_together_in_the_next_and_each_gets_its_own_result()
    {
        var batches = new List<int[]>();
        var firstWrite = new TaskCompletionSource();
        var batcher = new Batcher<int, string>(async items =>
        {
            batches.Add([.. items]);
            if (batches.Count == 1)
            {
                await firstWrite.Task;
            }
            return [.. items.Select(i => $"#{i}")];
        }, maxBatch: 100);

        var first = batcher.RunAsync(1);
        await Eventually.TrueAsync(() => batches.Count == 1, TimeSpan.FromSeconds(5), "the first write to begin");
        var next = Enumerable.Range(2, 4).Select(batcher.RunAsync).ToList();
        firstWrite.SetResult();

        Assert.Equal("#1", await first);
        Assert.Equal(["#2", "#3", "#4", "#5"], await Task.WhenAll(next));
        Assert.Equal([[1], [2, 3, 4, 5]], batches);
    }

    [Fact]
    public async Task A_batch_holds_at_most_the_maximum()
    {
        var sizes = new List<int>();
        var gate = new TaskCompletionSource();
        var batcher = new Batcher<int, int>(async items =>
        {
            sizes.Add(items.Count);
            await gate.Task;
            return items;
        }, maxBatch: 3);

        var calls = Enumerable.Range(1, 8).Select(batcher.RunAsync).ToList();
        gate.SetResult();

        Assert.Equal(Enumerable.Range(1, 8), await Task.WhenAll(calls));
        Assert.All(sizes, size => Assert.InRange(size, 1, 3));
        Assert.Equal(8, sizes.Sum());
    }

    [Fact]
    public async Task A_failed_write_fails_every_call_of_its_batch_and_the_next_batch_still_runs()
    {
        var gate = new TaskCompletionSource();
        var writes = 0;
        var batcher = new Batcher<int, int>(async items =>
        {
            if (Interlocked.Increment(ref writes) == 1)
            {
                await gate.Task;
                throw new InvalidOperationException("the database went away");
            }
            return items;
        }, maxBatch: 10);

        var failing = batcher.RunAsync(1);
        await Eventually.TrueAsync(() => Volatile.Read(ref writes) == 1, TimeSpan.FromSeconds(5), "the first write to begin");
        gate.SetResult();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal("the database went away", error.Message);
        Assert.Equal(2, await batcher.RunAsync(2));
    }
}
