namespace TreasuryArena.Infrastructure.Reports;

/// <summary>A wallet's trading over the last 30 days, the last 365 days and since it was opened (see <see cref="WalletActivity"/>).</summary>
/// <param name="FeesShareOfDeposits">Trade fees since inception over the cash deposited, null before any deposit.</param>
/// <param name="OpenedOn">The valuation date of the wallet's first operation (its business opening date), null before any.</param>
public sealed record WalletActivityReport(
    WalletActivityReport.Window Last30Days,
    WalletActivityReport.Window Last365Days,
    WalletActivityReport.Window SinceInception,
    decimal Deposits,
    decimal Withdrawals,
    decimal? FeesShareOfDeposits,
    DateOnly? OpenedOn = null)
{
    /// <summary>One window: one-way turnover (½ traded ÷ value now), traded value (buys + sells, USD), trades, trade fees (USD).</summary>
    public sealed record Window(decimal? Turnover, decimal Traded, int Trades, decimal TradeFees);
}
