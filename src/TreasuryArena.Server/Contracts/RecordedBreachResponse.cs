namespace TreasuryArena.Server.Contracts;

/// <summary>A breach the daily scan recorded on a business date, under a policy version: the clause, figures, message and suggested remedy.</summary>
public sealed record RecordedBreachResponse(DateOnly AsOf, int PolicyVersion, string Clause, string? Symbol, decimal Measured, decimal Limit, string Message, string Remedy);
