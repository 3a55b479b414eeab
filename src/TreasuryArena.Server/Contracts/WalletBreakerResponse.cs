using TreasuryArena.Core.Wallets;

namespace TreasuryArena.Server.Contracts;

/// <summary>A wallet's drawdown breaker: value now, the peak the breaker job recorded, drawdown from it, its own limit
/// (from its tolerance's volatility ceiling) and whether it is past it.</summary>
public sealed record WalletBreakerResponse(string Address, Guid OrganisationId, WalletMode Mode, decimal Value, decimal? Peak, decimal? Drawdown, decimal Limit, bool Tripped)
{
    /// <summary>Where the limit comes from, in words ("22.5% = 1.5 × the 15.0% volatility ceiling (within 15.0% … 50.0%)").</summary>
    public string LimitSource { get; init; } = "";
}
