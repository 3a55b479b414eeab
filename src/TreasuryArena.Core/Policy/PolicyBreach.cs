namespace TreasuryArena.Core.Policy;

/// <summary>
/// A clause the holdings (or a proposed trade) break: the measured value and the limit as written in the policy
/// (fractions for shares and weights, USD for the reserve, counts for tokens), a message naming the clause, and a
/// suggested remedy. <see cref="Symbol"/> names the token, when the clause is about one.
/// </summary>
public sealed record PolicyBreach(string Clause, decimal Measured, decimal Limit, string Message, string Remedy, string? Symbol = null);
