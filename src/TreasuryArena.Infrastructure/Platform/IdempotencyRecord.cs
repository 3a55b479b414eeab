namespace TreasuryArena.Infrastructure.Platform;

/// <summary>What a repeated Idempotency-Key found: the first request's hash and, once done, its response.</summary>
public sealed record IdempotencyRecord(string RequestHash, bool Completed, int StatusCode, string? ContentType, string? Body);
