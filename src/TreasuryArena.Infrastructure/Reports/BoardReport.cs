using TreasuryArena.Core.Reporting;

namespace TreasuryArena.Infrastructure.Reports;

/// <summary>
/// An organisation's quarterly board report: performance of each wallet and the treasury against the IPS benchmark,
/// fees by type, policy breaches, decisions, holdings and cash at the close, the liquidity reserve in months of
/// expenses and a plain-language summary. <see cref="Closing"/> is the quarter's last day, or the platform date in the
/// current quarter. <see cref="Performance"/> holds the wallets, <see cref="Total"/> all of them together,
/// <see cref="Treasury"/> the organisation's treasury (null when it has none).
/// </summary>
public sealed record BoardReport(
    string Organisation,
    Guid OrganisationId,
    ReportQuarter Quarter,
    DateOnly Closing,
    BoardPolicy Policy,
    IReadOnlyList<BoardPerformanceRow> Performance,
    BoardPerformanceRow? Total,
    BoardPerformanceRow? Treasury,
    BoardFees Fees,
    IReadOnlyList<BoardBreach> Breaches,
    IReadOnlyList<BoardDecision> Decisions,
    IReadOnlyList<BoardHolding> Holdings,
    decimal Cash,
    decimal? ReserveMonths,
    IReadOnlyList<DateOnly> Days,
    IReadOnlyList<decimal> DailyValues,
    IReadOnlyList<string> Summary)
{
    public decimal ClosingValue => Cash + Holdings.Sum(h => h.Value);
}
