namespace TreasuryArena.Core.Compliance;

/// <summary>One pass of the wallet breaker: the wallets it moved to HYBRID and the ones its review restored to FULL_AI.</summary>
public sealed record WalletBreakerRun(IReadOnlyList<string> Tripped, IReadOnlyList<string> Resumed);
