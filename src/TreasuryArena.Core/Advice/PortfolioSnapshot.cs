namespace TreasuryArena.Core.Advice;

/// <summary>
/// A marked-to-market portfolio for the guardrails: cash, positions and the peak value seen so far (for drawdown
/// breakers). All amounts USD.
/// </summary>
public sealed record PortfolioSnapshot(decimal Cash, IReadOnlyList<PositionValue> Positions, decimal PeakValue)
{
    public decimal TotalValue => Cash + Positions.Sum(p => p.Value);

    public decimal VolatileValue => Positions.Where(p => p.AssetClass == AssetClass.Volatile).Sum(p => p.Value);

    /// <summary>Drawdown from the peak as a fraction (0 when at or above the peak).</summary>
    public decimal Drawdown => PeakValue <= 0m || TotalValue >= PeakValue ? 0m : 1m - (TotalValue / PeakValue);

    public decimal ValueOf(string asset) =>
        Positions.Where(p => string.Equals(p.Asset, asset, StringComparison.OrdinalIgnoreCase)).Sum(p => p.Value);
}
