namespace TreasuryArena.Core.Application;

/// <summary>A lifecycle change of the token <see cref="Symbol"/>, with the reason recorded (a default names the action).</summary>
public sealed record TokenStatusChange(string Symbol, TokenLifecycleAction Action, string? Reason);
