using TreasuryArena.Core.Advice;

namespace TreasuryArena.Core.Treasury;

/// <summary>
/// What the intelligence layer says on a date, in the treasury's terms: the market view for the advisor, the target
/// tactical share and BTC share of it, the triggers that fired, and an emergency if one did. <see cref="Ladder"/> is the
/// MVRV ladder after the day's Z (null when the market gives none): the target already holds its sold rungs.
/// </summary>
public sealed record MarketAssessment(
    MarketView Market,
    decimal TargetTacticalShare,
    decimal? BtcShareOfTactical,
    IReadOnlyList<string> Triggers,
    EmergencyEvent? Emergency)
{
    public LadderView? Ladder { get; init; }
}
