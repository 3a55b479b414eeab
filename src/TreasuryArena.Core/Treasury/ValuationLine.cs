using TreasuryArena.Core.Advice;

namespace TreasuryArena.Core.Treasury;

/// <summary>One position marked to market, with its current and target weight.</summary>
public sealed record ValuationLine(string Asset, string Venue, AssetClass AssetClass, decimal Quantity, decimal Price, decimal Value, decimal CostBasis, decimal Weight, decimal TargetWeight)
{
    public decimal UnrealizedPnl => Value - CostBasis;
}
