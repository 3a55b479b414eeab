using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Compliance;

/// <summary>
/// A trade about to be executed, as the compliance gate sees it. <see cref="UsdValue"/> is the cash spent (buy) or the
/// shares' value at the current NAV (sell); <see cref="WalletValue"/> is the wallet's cash plus holdings before the trade.
/// <see cref="Request"/> renders the original request (JSON) so a held trade can be replayed exactly when released; it is
/// called only when a trade is held or refused, so an executed trade never pays for the serialisation.
/// </summary>
public sealed record TradeIntent(
    Guid OrganisationId,
    string WalletAddress,
    string Symbol,
    OrderSide Side,
    decimal UsdValue,
    decimal WalletValue,
    string Actor,
    TradeSource Source,
    Func<string> Request);
