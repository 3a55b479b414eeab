using System.Threading.Channels;

namespace TreasuryArena.Infrastructure.Platform;

/// <summary>
/// One background writer that commits queued items in batches (group commit): callers enqueue an item and await its
/// result, the writer takes whatever is queued (up to <c>maxBatch</c>), hands it to the batch delegate, which writes
/// it in one transaction and returns one result per item in order, and only then completes each caller. A failed
/// batch fails every caller of that batch; the writer goes on with the next one.
/// </summary>
public sealed class GroupCommitWriter<TItem, TResult> : IAsyncDisposable
{
    private readonly Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> _writeBatch;
    private readonly int _maxBatch;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public GroupCommitWriter(Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> writeBatch, int maxBatch)
    {
        ArgumentNullException.ThrowIfNull(writeBatch);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        _writeBatch = writeBatch;
        _maxBatch = maxBatch;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Number of batches committed.</summary>
    public long Batches { get; private set; }

    /// <summary>Queues <paramref name="item"/> and waits until its batch is committed. Cancelling stops the wait, not the write.</summary>
    public Task<TResult> WriteAsync(TItem item, CancellationToken ct)
    {
        var pending = new Pending(item, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);
        return pending.Done.Task.WaitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(_maxBatch);
        var items = new List<TItem>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var p))
            {
                batch.Add(p);
                items.Add(p.Item);
            }

            try
            {
                var results = await _writeBatch(items);
                Batches++;
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(results[i]);
                }
            }
#pragma warning disable CA1031 // The writer must survive any failure and report it to every waiting caller.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                foreach (var p in batch)
                {
                    p.Done.TrySetException(ex);
                }
            }

            batch.Clear();
            items.Clear();
        }
    }

    private sealed record Pending(TItem Item, TaskCompletionSource<TResult> Done);
}
