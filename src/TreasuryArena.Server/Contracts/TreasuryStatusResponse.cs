using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Treasury;

namespace TreasuryArena.Server.Contracts;

/// <summary>
/// <c>GET /api/treasury/status</c>: the treasury marked on <see cref="AsOf"/> — value, P&amp;L, positions by venue,
/// allocation against target and drift, the market phase, triggers and the latest decision. <see cref="DefaultTreasury"/>
/// is true while nothing has been executed and the configured default treasury is shown. Weights are fractions (6 dp).
/// </summary>
public sealed record TreasuryStatusResponse(
    DateOnly AsOf,
    bool DefaultTreasury,
    TreasuryMode Mode,
    decimal Value,
    decimal Cash,
    decimal Pnl,
    double Return,
    decimal InitialCapital,
    DateOnly Inception,
    decimal BaseShare,
    decimal TacticalShare,
    decimal TargetBaseShare,
    decimal TargetTacticalShare,
    decimal Drift,
    decimal DriftThreshold,
    string Phase,
    IReadOnlyList<TreasuryStatusResponse.AllocationRow> Allocation,
    IReadOnlyList<TreasuryStatusResponse.Position> Positions,
    IReadOnlyList<TreasuryStatusResponse.VenueRow> ByVenue,
    TreasuryStatusResponse.PerformanceFigures Performance,
    IReadOnlyList<string> Triggers,
    string? Emergency,
    TreasuryStatusResponse.DecisionSummary? LatestDecision)
{
    /// <summary>The MVRV ladder's memory (null when the market gives none).</summary>
    public LadderSummary? Ladder { get; init; }

    /// <summary>Orders a decision queued for the next bar, not filled yet.</summary>
    public PendingSummary? Pending { get; init; }

    public static TreasuryStatusResponse From(TreasuryStatus s, decimal driftThreshold)
    {
        ArgumentNullException.ThrowIfNull(s);
        var v = s.Valuation;
        var p = s.Performance;
        var allocation = v.Lines.Select(l => new AllocationRow(l.Asset, l.AssetClass, l.Venue, R(l.Weight), R(l.TargetWeight))).ToList();
        allocation.Add(new AllocationRow("cash", null, null, R(v.CashWeight), 0m));
        var total = v.TotalValue;
        return new(
            s.AsOf,
            s.IsDefault,
            s.Mode,
            total,
            v.Cash,
            p.Pnl,
            p.Return,
            p.InitialCapital,
            p.Inception,
            R(v.BaseShare),
            R(v.TacticalShare),
            R(1m - s.Targets.TacticalShare),
            R(s.Targets.TacticalShare),
            R(v.Drift),
            driftThreshold,
            s.Assessment.Market.Phase,
            allocation,
            v.Lines.Select(l => new Position(l.Asset, l.Venue, l.AssetClass, l.Quantity, l.Price, l.Value, l.CostBasis, l.UnrealizedPnl, R(l.Weight), R(l.TargetWeight))).ToList(),
            v.Lines.GroupBy(l => l.Venue, StringComparer.Ordinal)
                .Select(g => new VenueRow(g.Key, g.Sum(l => l.Value), total == 0m ? 0m : R(g.Sum(l => l.Value) / total)))
                .ToList(),
            new PerformanceFigures(p.Inception, p.InitialCapital, p.Value, p.Pnl, p.Return, p.Static6040Value, p.Static6040Return, p.BtcBuyAndHoldValue, p.BtcBuyAndHoldReturn),
            s.Assessment.Triggers,
            s.Assessment.Emergency?.Description,
            s.LatestDecision is { } d ? new DecisionSummary(d.Id, d.Decision.Kind, d.Decision.Action, d.Decision.Advisor, d.Decision.Confidence, d.Decision.Reasoning) : null)
        {
            Ladder = s.Assessment.Ladder is { } l
                ? new LadderSummary(l.State.RungsSold, l.Rungs, l.State.SoldSince, l.ReentryZ, l.State.LastZ, l.State.ChangedOn, l.State.Change, l.Description)
                : null,
            Pending = s.Pending is { } q ? new PendingSummary(q.DecidedOn, q.FillOn, q.JournalId, q.Orders.Count, q.Orders.Sum(o => o.Notional)) : null,
        };
    }

    /// <summary>"rungs sold: 2 of 4 since 2017-12-16; re-entry when Z &lt; 1.0", with its parts.</summary>
    public sealed record LadderSummary(int RungsSold, int Rungs, DateOnly? SoldSince, double ReentryZ, double? LastZ, DateOnly? ChangedOn, string? Change, string Description);

    /// <summary>Orders decided on <c>DecidedOn</c>'s close that fill at <c>FillOn</c>'s close.</summary>
    public sealed record PendingSummary(DateOnly DecidedOn, DateOnly FillOn, long JournalId, int Orders, decimal Notional);

    private static decimal R(decimal fraction) => RoundingPolicy.Ratio(fraction, 6);

    /// <summary>One asset's (or cash's) current and target weight.</summary>
    public sealed record AllocationRow(string Name, AssetClass? AssetClass, string? Venue, decimal Current, decimal Target);

    /// <summary>One position marked to market.</summary>
    public sealed record Position(string Asset, string Venue, AssetClass AssetClass, decimal Quantity, decimal Price, decimal Value, decimal CostBasis, decimal UnrealizedPnl, decimal Weight, decimal TargetWeight);

    /// <summary>Value held at one venue.</summary>
    public sealed record VenueRow(string Venue, decimal Value, decimal Weight);

    /// <summary>Performance since inception against the static 60/40 and buy-and-hold BTC.</summary>
    public sealed record PerformanceFigures(
        DateOnly Inception,
        decimal InitialCapital,
        decimal Value,
        decimal Pnl,
        double Return,
        [property: System.Text.Json.Serialization.JsonPropertyName("static_60_40_value")] decimal Static6040Value,
        [property: System.Text.Json.Serialization.JsonPropertyName("static_60_40_return")] double Static6040Return,
        decimal BtcBuyAndHoldValue,
        double BtcBuyAndHoldReturn);

    /// <summary>The latest journaled decision for the date.</summary>
    public sealed record DecisionSummary(long Id, DecisionKind Kind, DecisionAction Action, string Advisor, int Confidence, string Reasoning);
}
