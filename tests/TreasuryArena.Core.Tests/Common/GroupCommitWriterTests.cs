using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Tests.Common;

/// <summary>The platform's one group-commit writer (used by the ledger, the audit log and the idempotency store).</summary>
public sealed class GroupCommitWriterTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task WriteAsync_AnswersOnlyAfterItsBatchIsWritten_AndQueuedItemsShareTheNextBatch()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sizes = new List<int>();
        await using var writer = new GroupCommitWriter<int, int>(
            async batch =>
            {
                sizes.Add(batch.Count);
                entered.TrySetResult();
                await release.Task;
                return [.. batch.Select(i => i * 10)];
            },
            maxBatch: 3);

        var first = writer.WriteAsync(1, CancellationToken.None);
        await entered.Task.WaitAsync(Patience);
        var queued = Enumerable.Range(2, 4).Select(i => writer.WriteAsync(i, CancellationToken.None)).ToList();
        await Task.Delay(50);
        Assert.False(first.IsCompleted, "answered before its batch was written");
        Assert.All(queued, t => Assert.False(t.IsCompleted));

        release.SetResult();
        Assert.Equal(10, await first.WaitAsync(Patience));
        var answers = await Task.WhenAll(queued).WaitAsync(Patience);
        Assert.Equal([20, 30, 40, 50], answers);
        Assert.Equal([1, 3, 1], sizes); // 4 queued items, at most 3 a batch
        Assert.Equal(3, writer.Batches);
    }

    [Fact]
    public async Task WriteAsync_FullQueue_WaitsForRoom_AndCancellingStopsOnlyThatWait()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var written = new List<int>();
        await using var writer = new GroupCommitWriter<int, int>(
            async batch =>
            {
                entered.TrySetResult();
                await release.Task;
                written.AddRange(batch);
                return [.. batch];
            },
            maxBatch: 10,
            capacity: 2);

        var inFlight = writer.WriteAsync(1, CancellationToken.None);
        await entered.Task.WaitAsync(Patience);
        var a = writer.WriteAsync(2, CancellationToken.None);
        var b = writer.WriteAsync(3, CancellationToken.None);
        using var cts = new CancellationTokenSource();
        var blocked = writer.WriteAsync(4, cts.Token);
        await Task.Delay(50);
        Assert.False(blocked.IsCompleted, "a third item fitted in a queue of two");

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => blocked.WaitAsync(Patience));
        release.SetResult();
        await Task.WhenAll(inFlight, a, b).WaitAsync(Patience);
        Assert.Equal([1, 2, 3], written);
    }

    [Fact]
    public async Task IdleCallback_RunsWhileNothingIsQueued_AndItsFailureDoesNotStopTheWriter()
    {
        var calls = 0;
        await using var writer = new GroupCommitWriter<int, int>(
            batch => Task.FromResult<IReadOnlyList<int>>([.. batch]),
            maxBatch: 4,
            idleInterval: TimeSpan.FromMilliseconds(10),
            onIdle: () => Interlocked.Increment(ref calls) == 1 ? throw new InvalidOperationException("journal away") : Task.CompletedTask);

        var deadline = DateTime.UtcNow + Patience;
        while (Volatile.Read(ref calls) < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.True(Volatile.Read(ref calls) >= 3, $"idle callback ran {calls} times");
        Assert.Equal("journal away", writer.LastIdleFailure?.Message);
        Assert.Equal(7, await writer.WriteAsync(7, CancellationToken.None).WaitAsync(Patience));
    }

    [Fact]
    public async Task Dispose_WritesWhatIsQueued_ThenRefusesNewItems()
    {
        var writer = new GroupCommitWriter<int, int>(batch => Task.FromResult<IReadOnlyList<int>>([.. batch.Select(i => -i)]), maxBatch: 2);
        var pending = Enumerable.Range(1, 5).Select(i => writer.WriteAsync(i, CancellationToken.None)).ToList();
        await writer.DisposeAsync();

        var answers = await Task.WhenAll(pending);
        Assert.Equal([-1, -2, -3, -4, -5], answers);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => writer.WriteAsync(6, CancellationToken.None));
    }
}
