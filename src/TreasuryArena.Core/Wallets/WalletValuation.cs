using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Wallets;

/// <summary>
/// The one valuation of a wallet, used by the trade desk (compliance limits, the wallet breaker), the rebalancer and its
/// advisor review, the wallet pages, the demo and the evaluation: cash plus each holding at its token's NAV per share,
/// each line rounded <b>down</b> to the cent (<see cref="Holding.MarketValue"/>, <see cref="RoundingPolicy.ValueDown"/>), so a
/// wallet is never shown or sized as worth a cent more than it could be redeemed for. A holding whose token is unknown
/// (no NAV) counts zero.
/// </summary>
public static class WalletValuation
{
    /// <summary>One valued holding: the NAV it was valued at, its value (down to the cent) and the exact shares × NAV (what
    /// selling every share grosses before rounding: the rebalancer's orders and guardrails compare against it).</summary>
    public readonly record struct Line(Holding Holding, UnitPrice Nav, decimal Value, decimal Exact);

    /// <summary>Each holding of <paramref name="wallet"/> at the NAV <paramref name="navOf"/> gives for its symbol (null: no token, value zero).</summary>
    public static IReadOnlyList<Line> Lines(WalletView wallet, Func<string, UnitPrice?> navOf)
    {
        ArgumentNullException.ThrowIfNull(wallet);
        ArgumentNullException.ThrowIfNull(navOf);
        var lines = new List<Line>(wallet.Holdings.Count);
        foreach (var h in wallet.Holdings)
        {
            var nav = navOf(h.Symbol) ?? UnitPrice.Of(0m);
            lines.Add(new Line(h, nav, h.MarketValue(nav).Amount, h.Shares.Value * nav.Value));
        }

        return lines;
    }

    /// <summary>Cash plus the value of every holding (see <see cref="Lines"/>).</summary>
    public static decimal Of(WalletView wallet, Func<string, UnitPrice?> navOf)
    {
        var value = wallet.Cash.Amount;
        foreach (var line in Lines(wallet, navOf))
        {
            value += line.Value;
        }

        return value;
    }
}
