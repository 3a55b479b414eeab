using TreasuryArena.Core.Advice;

namespace TreasuryArena.Core.Treasury;

/// <summary>
/// What the intelligence layer says on a date, in the treasury's terms: the market view for the advisor, the target
/// tactical share and BTC share of it, the triggers that fired, and an emergency if one did.
/// </summary>
public sealed record MarketAssessment(
    MarketView Market,
    decimal TargetTacticalShare,
    decimal? BtcShareOfTactical,
    IReadOnlyList<string> Triggers,
    EmergencyEvent? Emergency);
