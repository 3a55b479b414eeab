namespace TreasuryArena.Server.Contracts;

/// <summary><c>GET /health</c> and <c>/health/ready</c>.</summary>
public sealed record HealthResponse(string Status, string? Database, string? Detail);
