using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Policy;

/// <summary>
/// One order of a plan as the IPS measures it: a sell takes <see cref="Usd"/> out of the token and puts it, less
/// <see cref="Fee"/>, in cash; a buy takes <see cref="Usd"/> out of cash and counts all of it in the token (fees ignored,
/// which overstates the token: the cautious side).
/// </summary>
public sealed record PolicyPlanLine(string Symbol, string StrategyId, OrderSide Side, decimal Usd, decimal Fee = 0m);
