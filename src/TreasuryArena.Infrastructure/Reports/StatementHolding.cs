namespace TreasuryArena.Infrastructure.Reports;

/// <summary>A position at the statement's opening or closing: shares × the NAV per share used (and the date of that NAV; null = the ledger's current NAV).</summary>
public sealed record StatementHolding(string Symbol, decimal Shares, decimal Nav, DateOnly? NavDate, decimal Value);
