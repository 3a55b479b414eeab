namespace TreasuryArena.Core.Ledger;

/// <summary>One broken rule found by <see cref="LedgerVerifier"/>: what, where (entry sequence or account), details.</summary>
public sealed record LedgerViolation(string What, string Where, string Detail);
