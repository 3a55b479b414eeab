namespace TreasuryArena.Core.Reporting;

/// <summary>A policy breach shown in a board report: when, which clause, what happened and the suggested remedy.</summary>
public sealed record BoardBreach(DateOnly Date, string Clause, string Description, string? Remedy);
