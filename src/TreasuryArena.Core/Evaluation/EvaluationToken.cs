namespace TreasuryArena.Core.Evaluation;

/// <summary>One strategy token an evaluation issues: a library strategy, its symbol and parameter overrides.</summary>
public sealed record EvaluationToken(string Strategy, string Symbol, IReadOnlyDictionary<string, string>? Parameters = null)
{
    /// <summary>Every library strategy with its default parameters, buy-and-hold once per tradable asset (the demo's twelve tokens).</summary>
    public static IReadOnlyList<EvaluationToken> Library { get; } =
    [
        new("buy-and-hold", "HBTC", new Dictionary<string, string> { ["asset"] = "BTC" }),
        new("buy-and-hold", "HETH", new Dictionary<string, string> { ["asset"] = "ETH" }),
        new("treasury-60-40", "T6040"),
        new("fixed-weight", "FIXW"),
        new("ma-trend", "TRND"),
        new("ma-crossover", "MACX"),
        new("dual-momentum", "DMOM"),
        new("risk-parity", "RPAR"),
        new("vol-target", "VTGT"),
        new("dca", "DCA"),
        new("fear-greed-contrarian", "FGC"),
        new("rsi-reversion", "RSIR"),
    ];
}
