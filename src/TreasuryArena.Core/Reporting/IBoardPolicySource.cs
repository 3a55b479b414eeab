namespace TreasuryArena.Core.Reporting;

/// <summary>
/// The board report's window on an organisation's investment policy statement (IPS): its benchmark and monthly
/// expenses, and the breaches in a period (<see cref="PolicyBoardSource"/> reads the IPS).
/// </summary>
public interface IBoardPolicySource
{
    Task<BoardPolicy> PolicyAsync(Guid organisationId, CancellationToken ct);

    /// <summary>The breaches recorded for the organisation between <paramref name="from"/> and <paramref name="to"/> (inclusive), oldest first.</summary>
    Task<IReadOnlyList<BoardBreach>> BreachesAsync(Guid organisationId, DateOnly from, DateOnly to, CancellationToken ct);
}
