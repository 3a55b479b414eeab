namespace TreasuryArena.Core.Intelligence;

/// <summary>
/// One indicator value as the treasury sees it: the number (or <c>null</c> when missing), where it came from, when it
/// was observed, and whether it is stale. A missing value is never replaced by a made-up number.
/// </summary>
/// <param name="Name">The indicator's wire name (see <see cref="IndicatorNames"/>).</param>
/// <param name="Value">The value, or <c>null</c> when nothing could be served.</param>
/// <param name="Source">The source that produced it, e.g. <c>coingecko</c> or <c>history:btc-usd-daily-cmc</c>.</param>
/// <param name="AsOf">The instant (UTC) the value describes; daily values are stamped at 00:00 UTC of their day.</param>
/// <param name="Stale">True when the value is older than the freshness the source promises (or the live source failed).</param>
/// <param name="Age">How old the value is relative to the snapshot's as-of instant.</param>
/// <param name="Label">A textual class where the source gives one (Fear &amp; Greed: <c>Extreme Fear</c> … <c>Extreme Greed</c>).</param>
/// <param name="Note">Why a value is missing or stale, when it is.</param>
public sealed record IndicatorReading(
    string Name,
    double? Value,
    string Source,
    DateTimeOffset? AsOf,
    bool Stale,
    TimeSpan? Age,
    string? Label = null,
    string? Note = null)
{
    public bool IsMissing => Value is null;

    /// <summary>A reading with nothing to serve.</summary>
    public static IndicatorReading Missing(string name, string source, string note) =>
        new(name, null, source, null, Stale: false, Age: null, Note: note);

    /// <summary>The value if present and no older than <paramref name="maxAge"/>, else <c>null</c>.</summary>
    public double? UsableValue(TimeSpan maxAge) =>
        Value is { } v && (Age is null || Age.Value <= maxAge) ? v : null;
}
