namespace TreasuryArena.Infrastructure.Notifications;

/// <summary>Wakes the deliverer when a notification is stored, so a delivery waits for no poll (one per process).</summary>
public sealed class NotificationSignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the deliverer's next pass sees this notification too.
        }
    }

    /// <summary>Waits until woken or <paramref name="timeout"/> passes.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _wake.WaitAsync(timeout, ct);

    public void Dispose() => _wake.Dispose();
}
