namespace TreasuryArena.Core.Evaluation;

/// <summary>
/// One strategy token against holding its own main asset and against holding BTC over the same days: the token is
/// measured on its holder's position (bought on the first evaluated day the token was buyable, fees included).
/// <see cref="BreakerTrips"/> are the days the drawdown breaker paused it, <see cref="BreakerResumes"/> the days the
/// automatic review resumed it, and <see cref="Breaker"/> its limit and where it came from.
/// </summary>
public sealed record TokenResult(
    string Symbol,
    string Strategy,
    string MainAsset,
    string Status,
    IReadOnlyList<DateOnly> BreakerTrips,
    DateOnly? InvestedFrom,
    ContenderResult? Token,
    double? HodlReturn,
    double? BtcReturn,
    bool BeatHodl,
    bool BeatBtc,
    string? Note,
    IReadOnlyList<DateOnly>? BreakerResumes = null,
    string? Breaker = null);
