namespace TreasuryArena.Server.Contracts;

/// <summary>
/// <c>GET /health</c> and <c>/health/ready</c>; <see cref="PlatformDate"/> is the business clock's date (the last day
/// with complete market data in history mode, today in live mode) and <see cref="ClockMode"/> its mode.
/// </summary>
public sealed record HealthResponse(string Status, string? Database, string? Detail, DateOnly? PlatformDate = null, string? ClockMode = null);
