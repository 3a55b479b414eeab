using System.Threading.Channels;

namespace TreasuryArena.Core.Common;

/// <summary>
/// The one background writer of the platform that commits queued items in batches (group commit); the ledger
/// (<c>LedgerService</c>) and the platform stores (audit log, idempotency store) each own one. Callers enqueue an item
/// into a bounded queue (a full queue makes them wait: back-pressure) and await its result; the writer takes whatever
/// is queued (up to <c>maxBatch</c>), hands it to the batch delegate, which writes it durably and returns one result
/// per item in order, and only then completes each caller. A batch delegate that throws fails every caller of that
/// batch with that exception (the delegate does any recovery, such as reloading a cache, before throwing); the writer
/// goes on with the next batch. With an idle callback, the writer calls it every <c>idleInterval</c> while nothing is
/// queued (never concurrently with a batch, and not sooner than one interval after the last batch or call).
/// Cancelling a caller's token stops its wait (for queue space or for the answer), not a write already queued.
/// </summary>
public sealed class GroupCommitWriter<TItem, TResult> : IAsyncDisposable
{
    private readonly Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> writeBatch;
    private readonly int maxBatch;
    private readonly TimeSpan idleInterval;
    private readonly Func<Task>? onIdle;
    private readonly Channel<Pending> queue;
    private readonly Task writer;
    private long batches;
    private Exception? lastIdleFailure;

    /// <param name="writeBatch">Writes one batch (at most <paramref name="maxBatch"/> items) and returns one result per item, in order.
    /// The list it gets, and the list it returns, are read only until it returns and the callers are completed: both may be reused.</param>
    /// <param name="maxBatch">The most items handed to one call of <paramref name="writeBatch"/>.</param>
    /// <param name="capacity">How many items may wait in the queue (default: the larger of 1024 and 4 × <paramref name="maxBatch"/>).</param>
    /// <param name="idleInterval">How often <paramref name="onIdle"/> runs while nothing is queued.</param>
    /// <param name="onIdle">Called on the writer task while it is idle (e.g. the ledger following other processes' commits).</param>
    public GroupCommitWriter(
        Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> writeBatch, int maxBatch, int? capacity = null, TimeSpan? idleInterval = null, Func<Task>? onIdle = null)
    {
        ArgumentNullException.ThrowIfNull(writeBatch);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        var bound = capacity ?? Math.Max(1024, maxBatch * 4);
        ArgumentOutOfRangeException.ThrowIfLessThan(bound, 1, nameof(capacity));
        if (onIdle is not null)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(idleInterval ?? TimeSpan.Zero, TimeSpan.Zero, nameof(idleInterval));
        }

        this.writeBatch = writeBatch;
        this.maxBatch = maxBatch;
        this.onIdle = onIdle;
        this.idleInterval = idleInterval ?? Timeout.InfiniteTimeSpan;
        queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(bound) { SingleReader = true });
        writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Number of batches the delegate wrote without throwing.</summary>
    public long Batches => Interlocked.Read(ref batches);

    /// <summary>The last exception thrown by the idle callback (null when none); the writer goes on regardless.</summary>
    public Exception? LastIdleFailure => Volatile.Read(ref lastIdleFailure);

    /// <summary>
    /// Queues <paramref name="item"/> (waiting for room when the queue is full) and waits until its batch is written.
    /// Throws <see cref="ObjectDisposedException"/> once the writer is disposed.
    /// </summary>
    public async Task<TResult> WriteAsync(TItem item, CancellationToken cancellationToken)
    {
        var pending = new Pending(item, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending))
        {
            try
            {
                await queue.Writer.WriteAsync(pending, cancellationToken);
            }
            catch (ChannelClosedException)
            {
                throw new ObjectDisposedException(GetType().Name);
            }
        }

        return await pending.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stops taking items, writes those already queued, and waits for the writer to end.</summary>
    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await writer;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(maxBatch);
        var items = new List<TItem>(maxBatch);
        var reader = queue.Reader;
        Task<bool>? waiting = null;
        Task? tick = null;
        var lastLook = Environment.TickCount64;
        while (true)
        {
            waiting ??= reader.WaitToReadAsync().AsTask();
            if (onIdle is not null && !waiting.IsCompleted)
            {
                // Idle: run the callback every interval until an item arrives (one timer at a time).
                tick ??= Task.Delay(idleInterval);
                if (await Task.WhenAny(waiting, tick) == tick)
                {
                    tick = null;
                    if (Environment.TickCount64 - lastLook >= (long)idleInterval.TotalMilliseconds)
                    {
                        await RunIdleAsync(onIdle);
                        lastLook = Environment.TickCount64;
                    }

                    continue;
                }
            }

            if (!await waiting)
            {
                break;
            }

            waiting = null;
            batch.Clear();
            items.Clear();
            while (batch.Count < maxBatch && reader.TryRead(out var p))
            {
                batch.Add(p);
                items.Add(p.Item);
            }

            IReadOnlyList<TResult>? results = null;
            Exception? failure = null;
            try
            {
                results = await writeBatch(items);
                if (results.Count != batch.Count)
                {
                    throw new InvalidOperationException($"the batch delegate returned {results.Count} results for {batch.Count} items");
                }

                Interlocked.Increment(ref batches);
            }
#pragma warning disable CA1031 // The writer must survive any failure and report it to every waiting caller.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failure = ex;
            }

            lastLook = Environment.TickCount64;
            for (var i = 0; i < batch.Count; i++)
            {
                if (failure is not null)
                {
                    batch[i].Done.TrySetException(failure);
                }
                else
                {
                    batch[i].Done.TrySetResult(results![i]);
                }
            }
        }
    }

    private async Task RunIdleAsync(Func<Task> idle)
    {
        try
        {
            await idle();
        }
#pragma warning disable CA1031 // Idle work is best effort: the next tick or batch runs again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Volatile.Write(ref lastIdleFailure, ex);
        }
    }

    private sealed record Pending(TItem Item, TaskCompletionSource<TResult> Done);
}
