namespace TreasuryArena.Core.Application;

/// <summary>A USD deposit into or withdrawal from a wallet; the idempotency key is passed to the ledger.</summary>
public sealed record CashMovement(string Address, decimal Amount, string IdempotencyKey);
