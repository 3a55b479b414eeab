namespace TreasuryArena.Server.Contracts;

/// <summary>
/// <c>GET /api/admin/breakers</c>: the platform halt, the token breaker's rule (each token has its own limit, in
/// <see cref="Tokens"/>) and the wallet limit, the breakers that have fired (<see cref="Breakers"/>), and every token and
/// wallet with its breaker state.
/// </summary>
public sealed record BreakersResponse(
    HaltResponse PlatformHalt,
    string TokenBreakerRule,
    decimal WalletBreakerDrawdown,
    IReadOnlyList<BreakerResponse> Breakers,
    IReadOnlyList<TokenBreakerResponse> Tokens,
    IReadOnlyList<WalletBreakerResponse> Wallets)
{
    /// <summary>The wallet breaker's rule in words: the per-tolerance limit (<see cref="WalletBreakerDrawdown"/> is its floor) and the review.</summary>
    public string WalletBreakerRule { get; init; } = "";
}
