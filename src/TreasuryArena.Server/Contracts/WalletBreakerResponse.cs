using TreasuryArena.Core.Wallets;

namespace TreasuryArena.Server.Contracts;

/// <summary>A wallet's drawdown breaker: value now, the peak the breaker job recorded, drawdown from it, and whether it is past the limit.</summary>
public sealed record WalletBreakerResponse(string Address, Guid OrganisationId, WalletMode Mode, decimal Value, decimal? Peak, decimal? Drawdown, decimal Limit, bool Tripped);
