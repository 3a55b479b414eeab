namespace TreasuryArena.Infrastructure.Reports;

/// <summary>
/// One account's performance in a board report (a wallet, the treasury, or the total): value at the period's close,
/// chained monthly returns for the quarter, the year to date and since inception, and the benchmark over the same spans.
/// </summary>
public sealed record BoardPerformanceRow(
    string Account,
    DateOnly Inception,
    decimal ClosingValue,
    decimal? QuarterReturn,
    decimal? YearToDateReturn,
    decimal? InceptionReturn,
    double? BenchmarkQuarter,
    double? BenchmarkYearToDate,
    double? BenchmarkInception);
