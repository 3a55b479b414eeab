namespace TreasuryArena.Core.Evaluation;

/// <summary>
/// How much risk tolerance shaped the optimizer's targets over an evaluation (issue 18): on each rebalance date the
/// three tolerances' targets for a wallet holding nothing paused are solved on the same token universe and compared.
/// </summary>
/// <param name="Runs">Rebalance dates with at least one token in the universe.</param>
/// <param name="RunsInvested">Runs where at least one tolerance's target holds a token (the others: every target all cash).</param>
/// <param name="AllDifferent">Runs where CONSERVATIVE, MODERATE and AGGRESSIVE got three different targets.</param>
/// <param name="AllIdentical">Invested runs where all three got the same target.</param>
/// <param name="MinimumVarianceRuns">Runs where the expected returns were uninformative and the targets fell back to minimum variance.</param>
/// <param name="MeanExpectedVolatility">Each tolerance's mean expected (ex-ante) volatility of its target, by tolerance.</param>
/// <param name="MeanCashShare">Each tolerance's mean cash share of its target, by tolerance.</param>
/// <param name="LastMethod">The expected-returns method of the last run, in words.</param>
public sealed record ToleranceTargetStats(
    int Runs,
    int RunsInvested,
    int AllDifferent,
    int AllIdentical,
    int MinimumVarianceRuns,
    IReadOnlyDictionary<string, decimal> MeanExpectedVolatility,
    IReadOnlyDictionary<string, decimal> MeanCashShare,
    string LastMethod);
