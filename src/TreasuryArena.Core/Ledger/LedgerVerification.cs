namespace TreasuryArena.Core.Ledger;

/// <summary>The outcome of <see cref="LedgerVerifier.VerifyAsync"/>: ok only when no violation was found.</summary>
public sealed record LedgerVerification(bool Ok, long Entries, IReadOnlyList<LedgerViolation> Violations, long ViolationCount);
