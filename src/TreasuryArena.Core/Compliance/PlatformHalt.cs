namespace TreasuryArena.Core.Compliance;

/// <summary>The platform-wide trading halt as an admin last set it.</summary>
public sealed record PlatformHalt(bool Halted, string? Reason, string? SetBy, DateTimeOffset? SetAt);
