namespace TreasuryArena.Core.Policy;

/// <summary>The breaches found on organisations' holdings, by business date (migration 0540): the board report's breach section.</summary>
public interface IPolicyBreachStore
{
    /// <summary>Stores <paramref name="breach"/>; false when the same organisation, date, clause and token is stored already.</summary>
    Task<bool> TryRecordAsync(RecordedBreach breach, CancellationToken ct);

    /// <summary>The organisation's breaches from <paramref name="from"/> to <paramref name="to"/> (inclusive), oldest first.</summary>
    Task<IReadOnlyList<RecordedBreach>> ListAsync(Guid organisationId, DateOnly from, DateOnly to, CancellationToken ct);
}
