using System.Text.Json.Serialization;
using TreasuryArena.Infrastructure.Reports;

namespace TreasuryArena.Server.Contracts;

/// <summary>
/// A wallet's one-way turnover (½ × buys plus sells ÷ the wallet's value now) and traded value (USD) per window, from the
/// ledger (see <see cref="WalletActivity"/>).
/// </summary>
public sealed record WalletTurnoverResponse(
    [property: JsonPropertyName("last_30d")] decimal? Last30Days,
    [property: JsonPropertyName("last_365d")] decimal? Last365Days,
    [property: JsonPropertyName("since_inception")] decimal? SinceInception,
    [property: JsonPropertyName("traded_usd")] WalletWindowResponse TradedUsd,
    [property: JsonPropertyName("trades")] WalletWindowResponse Trades)
{
    public static WalletTurnoverResponse From(WalletActivityReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Last30Days.Turnover, r.Last365Days.Turnover, r.SinceInception.Turnover,
            new(r.Last30Days.Traded, r.Last365Days.Traded, r.SinceInception.Traded),
            new(r.Last30Days.Trades, r.Last365Days.Trades, r.SinceInception.Trades));
    }
}

/// <summary>One figure over the last 30 days, the last 365 days and since the wallet was opened.</summary>
public sealed record WalletWindowResponse(
    [property: JsonPropertyName("last_30d")] decimal Last30Days,
    [property: JsonPropertyName("last_365d")] decimal Last365Days,
    [property: JsonPropertyName("since_inception")] decimal SinceInception);

/// <summary>
/// Fees a wallet paid, from the ledger: trade fees per window, and since inception as a share of the cash deposited.
/// Management and performance fees are charged inside the token funds (their NAV), not to the wallet, so they are not here.
/// </summary>
public sealed record WalletFeesPaidResponse(
    [property: JsonPropertyName("trade_fees")] WalletWindowResponse TradeFees,
    [property: JsonPropertyName("deposits")] decimal Deposits,
    [property: JsonPropertyName("share_of_deposits")] decimal? ShareOfDeposits)
{
    public static WalletFeesPaidResponse From(WalletActivityReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(new(r.Last30Days.TradeFees, r.Last365Days.TradeFees, r.SinceInception.TradeFees), r.Deposits, r.FeesShareOfDeposits);
    }
}
