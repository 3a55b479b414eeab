using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Treasury;

/// <summary>
/// The treasury marked to market on <see cref="AsOf"/> against a target: lines per position (every target asset
/// appears, held or not), cash, total, the base and tactical shares and the drift, ½ Σ |w − target| (cash's target is 0).
/// </summary>
public sealed record TreasuryValuation(DateOnly AsOf, decimal Cash, IReadOnlyList<ValuationLine> Lines, decimal PeakValue)
{
    public decimal TotalValue => Cash + Lines.Sum(l => l.Value);

    public decimal VolatileValue => Lines.Where(l => l.AssetClass == AssetClass.Volatile).Sum(l => l.Value);

    public decimal TacticalShare => TotalValue == 0m ? 0m : VolatileValue / TotalValue;

    public decimal BaseShare => TotalValue == 0m ? 0m : Lines.Where(l => l.AssetClass == AssetClass.Yield).Sum(l => l.Value) / TotalValue;

    public decimal CashWeight => TotalValue == 0m ? 0m : Cash / TotalValue;

    public decimal Drift => 0.5m * (Lines.Sum(l => Math.Abs(l.Weight - l.TargetWeight)) + CashWeight);

    public PortfolioSnapshot ToSnapshot() =>
        new(Cash, Lines.Where(l => l.Value > 0m).Select(l => new PositionValue(l.Asset, l.Venue, l.AssetClass, l.Value)).ToList(), Math.Max(PeakValue, TotalValue));

    public IReadOnlyList<AllocationLine> Allocation() =>
        Lines.Select(l => new AllocationLine(l.Asset, l.AssetClass, l.Value, l.Weight, l.TargetWeight)).ToList();

    /// <summary>Marks <paramref name="portfolio"/> with <paramref name="marks"/> against <paramref name="targets"/>.</summary>
    public static TreasuryValuation Mark(TreasuryPortfolio portfolio, TreasuryMarks marks, TreasuryTargets targets)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(marks);
        ArgumentNullException.ThrowIfNull(targets);
        var raw = new List<(TreasuryPosition Position, decimal Price, decimal Value)>();
        foreach (var p in portfolio.Positions)
        {
            var price = marks.PriceOf(p.Asset);
            raw.Add((p, price, RoundingPolicy.CentsDown(p.Quantity * price)));
        }

        foreach (var t in targets.Weights.Where(t => portfolio.Find(t.Asset) is null))
        {
            raw.Add((new TreasuryPosition(t.Asset, t.Venue, t.AssetClass, 0m, 0m), marks.PriceOf(t.Asset), 0m));
        }

        var total = portfolio.Cash + raw.Sum(r => r.Value);
        var lines = raw.Select(r => new ValuationLine(
            r.Position.Asset,
            r.Position.Venue,
            r.Position.AssetClass,
            r.Position.Quantity,
            r.Price,
            r.Value,
            r.Position.CostBasis,
            total == 0m ? 0m : r.Value / total,
            targets.WeightOf(r.Position.Asset))).ToList();
        return new TreasuryValuation(marks.AsOf, portfolio.Cash, lines, Math.Max(portfolio.PeakValue, total));
    }
}
