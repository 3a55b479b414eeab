namespace TreasuryArena.Core.Wallets.Optimization;

/// <summary>
/// The inputs one optimizer run shared by all its wallets, stored once per run: the as-of date, the lookback and the
/// metrics of every token (<see cref="TokensJson"/>: symbol, NAV, buyable, annual return, volatility, Sharpe, max
/// drawdown). Each wallet's <see cref="AllocationSnapshot"/> refers to it by <see cref="AllocationSnapshot.RunId"/>.
/// </summary>
public sealed record OptimizerRun(Guid Id, DateOnly AsOf, int LookbackDays, string TokensJson, DateTimeOffset CreatedAt);
