namespace TreasuryArena.Core.Compliance;

/// <summary>A trade stopped by transaction monitoring, with why, who asked, and what the admin decided.</summary>
public sealed record HeldTrade(
    Guid Id,
    Guid OrganisationId,
    string WalletAddress,
    string Symbol,
    TradeSide Side,
    decimal UsdValue,
    string Request,
    IReadOnlyList<string> Reasons,
    HoldStatus Status,
    DateTimeOffset HeldAt,
    string HeldBy,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? Result);
