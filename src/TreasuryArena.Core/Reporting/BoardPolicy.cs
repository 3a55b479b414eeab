namespace TreasuryArena.Core.Reporting;

/// <summary>
/// What a board report reads from an organisation's investment policy: the benchmark (its name and its volatile
/// share in BTC, the rest in 3-month T-bills) and the monthly expenses the liquidity reserve is measured in (null: not set).
/// </summary>
public sealed record BoardPolicy(string Benchmark, decimal BenchmarkBtcShare, decimal? MonthlyExpenses)
{
    /// <summary>The default when an organisation has no policy: 60/40 BTC/T-bill, monthly expenses not set.</summary>
    public static BoardPolicy Default { get; } = new("60/40 BTC/T-bill", 0.6m, null);
}
