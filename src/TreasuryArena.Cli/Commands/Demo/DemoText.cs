namespace TreasuryArena.Cli.Commands.Demo;

/// <summary>Texts the demo publishes.</summary>
internal static class DemoText
{
    public const string Disclosure =
        "Strategy tokens are shares of simulated strategy portfolios holding volatile crypto-assets and yield positions. " +
        "Their value can fall sharply and may not recover; past and backtested performance does not predict future results. " +
        "Fees: 1% on each buy and sell, 1% a year management fee, 10% of gains above the high-water mark. " +
        "Treasury Arena supports a compliance process; it is not legal, tax or investment advice. (Demo document.)";

    /// <summary>
    /// The demo church's sample IPS (a partial file: the caps keep the platform default). It excludes the short-term trading
    /// strategies (the demo's refused buy) and asks two treasurers for any trade above $10,000 (the demo's two-person approval).
    /// </summary>
    public const string Policy =
        "# Grace Community Church, adopted by the board (demo)\n" +
        "excluded_strategies: [fear-greed-contrarian, rsi-reversion, ma-crossover]\n" +
        "dual_control_threshold: 10000\n" +
        "monthly_expenses: 15000\n" +
        "min_tokens: 3\n" +
        "max_drawdown_tolerance: 30%\n" +
        "benchmark: 60/40 BTC/T-bill\n" +
        "rebalance_frequency: weekly\n";
}
