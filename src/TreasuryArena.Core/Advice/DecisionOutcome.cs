namespace TreasuryArena.Core.Advice;

/// <summary>
/// How a decision turned out after the horizon: the portfolio's value on <paramref name="EvaluatedOn"/> had the orders
/// been executed and had they not, whether the decision acted, and whether the call was right (null when there was
/// nothing to compare: no orders either way).
/// </summary>
public sealed record DecisionOutcome(DateOnly EvaluatedOn, decimal ValueIfActed, decimal ValueIfNot, bool Acted, bool? Right, string Summary);
