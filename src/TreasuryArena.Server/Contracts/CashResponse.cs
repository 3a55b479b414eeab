namespace TreasuryArena.Server.Contracts;

/// <summary>A deposit or withdrawal as booked, and the wallet's cash after it.</summary>
public sealed record CashResponse(string Address, decimal Amount, decimal Cash, long OperationId, bool Repeated);
