using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Server.Contracts;

/// <summary>
/// One journaled advisor decision: what it was about (<see cref="Kind"/>), the action, the reasoning a trustee can read,
/// confidence 0–100, the advisor (<c>rules</c> or <c>claude</c>) and why Claude fell back if it did, whether it was
/// executed, the orders the guardrails let through, and — once its horizon has passed — its outcome.
/// </summary>
public sealed record TreasuryDecisionResponse(
    long Id,
    DateOnly AsOf,
    DateTimeOffset RecordedAt,
    DecisionKind Kind,
    DecisionAction Action,
    string Reasoning,
    int Confidence,
    string Advisor,
    string? FallbackReason,
    string? Model,
    bool Executed,
    IReadOnlyList<TreasuryDecisionResponse.Order> ApprovedOrders,
    IReadOnlyList<string> Interventions,
    TreasuryDecisionResponse.OutcomeFigures? Outcome)
{
    public static TreasuryDecisionResponse From(JournalEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var d = e.Decision;
        return new(
            e.Id,
            e.AsOf,
            e.RecordedAt,
            d.Kind,
            d.Action,
            d.Reasoning,
            d.Confidence,
            d.Advisor,
            d.FallbackReason,
            d.Usage?.Model,
            e.Executed,
            e.Approved.Select(o => new Order(o.Side, o.Asset, o.Venue, o.Notional, o.EstimatedFee, o.EstimatedSlippage)).ToList(),
            e.Interventions.Select(i => i.Reason).ToList(),
            e.Outcome is { } o ? new OutcomeFigures(o.EvaluatedOn, o.Right, o.Acted, o.ValueIfActed, o.ValueIfNot, o.Summary) : null)
        {
            Fills = e.Fills.Select(f => new FillRow(f.Date, f.Side, f.Asset, f.Quantity, f.Price, f.Notional, f.Fee + f.Slippage)).ToList(),
        };
    }

    /// <summary>The fills of the approved orders at the next bar (the day after the decision); empty while queued.</summary>
    public IReadOnlyList<FillRow> Fills { get; init; } = [];

    /// <summary>One fill: the bar's date and close, the notional and the costs paid.</summary>
    public sealed record FillRow(DateOnly Date, OrderSide Side, string Asset, decimal Quantity, decimal Price, decimal Notional, decimal Costs);

    /// <summary>An order the guardrails let through.</summary>
    public sealed record Order(OrderSide Side, string Asset, string Venue, decimal Notional, decimal EstimatedFee, decimal EstimatedSlippage);

    /// <summary>What happened after the horizon, against the alternative (acted vs not); <see cref="Right"/> null when it cannot be judged.</summary>
    public sealed record OutcomeFigures(DateOnly EvaluatedOn, bool? Right, bool Acted, decimal ValueIfActed, decimal ValueIfNot, string Summary);
}
