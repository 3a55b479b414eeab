namespace TreasuryArena.Core.Intelligence;

/// <summary>One live source's counters since start. <paramref name="Rejections"/> counts values or responses refused by validation.</summary>
public sealed record MarketDataSourceHealth(
    string Source,
    long Successes,
    long Failures,
    long Rejections,
    string? LastError,
    DateTimeOffset? LastSuccessAt,
    DateTimeOffset? LastFailureAt);
