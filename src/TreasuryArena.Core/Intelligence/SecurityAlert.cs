namespace TreasuryArena.Core.Intelligence;

/// <summary>An exploit or security incident reported by some source, affecting a protocol the treasury may hold.</summary>
public sealed record SecurityAlert(string Source, string Protocol, string Message, DateTimeOffset ReportedAt);
