namespace TreasuryArena.Server.Contracts;

/// <summary>
/// <c>GET /api/admin/breakers</c>: the platform halt, the two drawdown limits, the breakers that have fired
/// (<see cref="Breakers"/>), and every token and wallet with its breaker state.
/// </summary>
public sealed record BreakersResponse(
    HaltResponse PlatformHalt,
    decimal TokenBreakerDrawdown,
    decimal WalletBreakerDrawdown,
    IReadOnlyList<BreakerResponse> Breakers,
    IReadOnlyList<TokenBreakerResponse> Tokens,
    IReadOnlyList<WalletBreakerResponse> Wallets);
