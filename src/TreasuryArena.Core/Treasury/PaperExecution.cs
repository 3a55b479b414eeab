namespace TreasuryArena.Core.Treasury;

/// <summary>The portfolio after a paper execution and the fills that got it there.</summary>
public sealed record PaperExecution(TreasuryPortfolio Portfolio, IReadOnlyList<Fill> Fills);
