using TreasuryArena.Core.Common;
using TreasuryArena.Core.Identity;

namespace TreasuryArena.Core.Compliance;

/// <summary>
/// A buy (<see cref="Amount"/> = USD to spend, fee included) or a sell (<see cref="Amount"/> = shares to redeem) for
/// one wallet, on behalf of <see cref="Caller"/>, from <see cref="Source"/>. The idempotency key is passed to the ledger.
/// </summary>
public sealed record TradeOrder(
    Caller Caller,
    string Address,
    string Symbol,
    OrderSide Side,
    decimal Amount,
    string IdempotencyKey,
    TradeSource Source);
