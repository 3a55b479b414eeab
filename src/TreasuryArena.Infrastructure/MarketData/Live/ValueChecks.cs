namespace TreasuryArena.Infrastructure.MarketData.Live;

/// <summary>The validation rules applied to every value read from a live source.</summary>
internal static class ValueChecks
{
    /// <summary>Clock skew tolerated before a timestamp counts as "in the future".</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    /// <summary>Why <paramref name="price"/> is not a usable price (null when it is): must be finite and strictly positive.</summary>
    public static string? Price(double? price) => price switch
    {
        null => "missing",
        { } p when double.IsNaN(p) => "NaN",
        { } p when !double.IsFinite(p) => "not finite",
        <= 0 => $"not positive ({price})",
        _ => null,
    };

    /// <summary>Why <paramref name="value"/> is not a usable finite number (null when it is).</summary>
    public static string? Finite(double? value) => value switch
    {
        null => "missing",
        { } v when !double.IsFinite(v) => "not finite",
        _ => null,
    };

    public static string? Timestamp(DateTimeOffset ts, DateTimeOffset now) =>
        ts > now + FutureTolerance ? $"timestamp {ts:o} is in the future" : null;
}
