namespace TreasuryArena.Cli.Commands.Demo;

/// <summary>Texts the demo publishes.</summary>
internal static class DemoText
{
    public const string Disclosure =
        "Strategy tokens are shares of simulated strategy portfolios holding volatile crypto-assets and yield positions. " +
        "Their value can fall sharply and may not recover; past and backtested performance does not predict future results. " +
        "Fees: 1% on each buy and sell, 1% a year management fee, 10% of gains above the high-water mark. " +
        "Treasury Arena supports a compliance process; it is not legal, tax or investment advice. (Demo document.)";
}
