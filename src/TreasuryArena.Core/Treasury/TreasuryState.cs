namespace TreasuryArena.Core.Treasury;

/// <summary>What the ledger does not hold about the treasury: its inception, the date of its last execution and its peak value.</summary>
public sealed record TreasuryState(DateOnly Inception, DateOnly UpdatedOn, decimal PeakValue);
