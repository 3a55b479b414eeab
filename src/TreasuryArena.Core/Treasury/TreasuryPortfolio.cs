namespace TreasuryArena.Core.Treasury;

/// <summary>The treasury's holdings: cash, positions, the inception date and the highest value it has been marked at.</summary>
public sealed record TreasuryPortfolio(DateOnly Inception, DateOnly UpdatedOn, decimal Cash, IReadOnlyList<TreasuryPosition> Positions, decimal PeakValue)
{
    public TreasuryPosition? Find(string asset) =>
        Positions.FirstOrDefault(p => string.Equals(p.Asset, asset, StringComparison.OrdinalIgnoreCase));
}
