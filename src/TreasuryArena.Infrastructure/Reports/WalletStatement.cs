using TreasuryArena.Core.Common;

namespace TreasuryArena.Infrastructure.Reports;

/// <summary>
/// A wallet's monthly statement. Opening = the wallet at the start of the month (00:00 UTC of its first day, valued at
/// the NAV of the day before); closing = at the end of <see cref="ClosingDate"/> (the month's last day, or today for the
/// current month). <see cref="Gain"/> = closing − opening − deposits + withdrawals; <see cref="Return"/> = gain /
/// (opening + deposits), null when that is zero. Management and performance fees are charged inside each token's NAV;
/// the wallet's share is the fee × its shares / the token's supply at the time. <see cref="Organisation"/> is the owning
/// organisation's id; <see cref="OrganisationName"/> and <see cref="WalletName"/> are what the printed statement shows.
/// </summary>
public sealed record WalletStatement(
    string Address,
    string Organisation,
    string Mode,
    string Risk,
    DateOnly Month,
    DateOnly OpeningDate,
    DateOnly ClosingDate,
    decimal OpeningCash,
    IReadOnlyList<StatementHolding> OpeningHoldings,
    decimal ClosingCash,
    IReadOnlyList<StatementHolding> ClosingHoldings,
    IReadOnlyList<StatementTransaction> Transactions,
    decimal Deposits,
    decimal Withdrawals,
    decimal TradeFees,
    decimal ManagementFees,
    decimal PerformanceFees,
    IReadOnlyList<DateOnly> Days,
    IReadOnlyList<decimal> DailyValues)
{
    /// <summary>The wallet's name ("Building fund"), null when it has none.</summary>
    public string? WalletName { get; init; }

    /// <summary>The owning organisation's name (null when it is not registered: the id is shown).</summary>
    public string? OrganisationName { get; init; }

    public decimal OpeningValue => OpeningCash + OpeningHoldings.Sum(h => h.Value);

    public decimal ClosingValue => ClosingCash + ClosingHoldings.Sum(h => h.Value);

    public decimal Gain => ClosingValue - OpeningValue - Deposits + Withdrawals;

    public decimal? Return => OpeningValue + Deposits is var b && b > 0m ? RoundingPolicy.Ratio(Gain / b, 6) : null;
}
