namespace TreasuryArena.Server.Contracts;

/// <summary>
/// <c>GET /api/market/clock</c>: the platform date NAV steps, fee accruals, statements and ledger valuation dates use,
/// the clock's mode (<c>history</c>: the last day every priced asset has a close; <c>live</c>: today), the rule in
/// words, and each priced asset's last close in the loaded history.
/// </summary>
public sealed record MarketClockResponse(DateOnly PlatformDate, string Mode, string Rule, DateOnly LastCompleteDate, IReadOnlyList<AssetLastCloseResponse> Assets);
