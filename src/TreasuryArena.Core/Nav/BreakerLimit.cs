using System.Globalization;
using System.Text.Json;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Nav;

/// <summary>
/// A token's drawdown breaker limit and where it came from: <see cref="Multiple"/> × the worst drawdown of the backtest
/// stored at issue (<see cref="BacktestMaxDrawdown"/> over <see cref="WindowFrom"/> … <see cref="WindowTo"/>), bounded to
/// [<see cref="Floor"/>, <see cref="Cap"/>]. Derived once (at issue, or lazily for a token issued before limits were
/// stored) and stored with the token, so it is stable and auditable. Fractions are positive (0.375 = 37.5%).
/// </summary>
public sealed record BreakerLimit(
    decimal Limit,
    BreakerLimitSource Source,
    decimal? BacktestMaxDrawdown,
    DateOnly? WindowFrom,
    DateOnly? WindowTo,
    decimal Multiple,
    decimal Floor,
    decimal Cap)
{
    /// <summary>Decimals a derived limit keeps (a fraction to 10⁻⁶, as stored).</summary>
    public const int Scale = 6;

    /// <summary>
    /// The limit for a backtest over <paramref name="from"/> … <paramref name="to"/> whose worst drawdown is
    /// <paramref name="backtestMaxDrawdown"/> (a positive fraction; null without a backtest).
    /// </summary>
    public static BreakerLimit Derive(DateOnly? from, DateOnly? to, decimal? backtestMaxDrawdown, LifecycleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var floor = options.BreakerFloor;
        var cap = options.BreakerCap;
        var multiple = options.BreakerMultiple;
        if (backtestMaxDrawdown is not { } mdd || from is not { } f || to is not { } t)
        {
            return new BreakerLimit(floor, BreakerLimitSource.NoBacktest, null, from, to, multiple, floor, cap);
        }

        mdd = Math.Abs(mdd);
        if (t.DayNumber - f.DayNumber < options.BreakerMinBacktestDays)
        {
            return new BreakerLimit(floor, BreakerLimitSource.ShortBacktest, mdd, f, t, multiple, floor, cap);
        }

        var raw = RoundingPolicy.Ratio(multiple * mdd, Scale);
        var (limit, source) = raw < floor ? (floor, BreakerLimitSource.Floor)
            : raw > cap ? (cap, BreakerLimitSource.Cap)
            : (raw, BreakerLimitSource.Backtest);
        return new BreakerLimit(limit, source, mdd, f, t, multiple, floor, cap);
    }

    /// <summary>
    /// The limit of a token from its stored backtest document (the issuer's JSON: <c>from</c>, <c>to</c>,
    /// <c>max_drawdown</c> ≤ 0; a document without them, e.g. <c>{"note": …}</c>, counts as no backtest).
    /// </summary>
    public static BreakerLimit FromStoredBacktest(string? backtestJson, LifecycleOptions options)
    {
        DateOnly? from = null;
        DateOnly? to = null;
        decimal? mdd = null;
        if (!string.IsNullOrWhiteSpace(backtestJson))
        {
            using var doc = JsonDocument.Parse(backtestJson);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                from = Date(root, "from");
                to = Date(root, "to");
                if (root.TryGetProperty("max_drawdown", out var m) && m.ValueKind == JsonValueKind.Number && m.TryGetDouble(out var v) && double.IsFinite(v))
                {
                    mdd = AnalyticsBoundary.ToMetric(Math.Abs(v));
                }
            }
        }

        return Derive(from, to, mdd, options);

        static DateOnly? Date(JsonElement root, string name) =>
            root.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(e.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    /// <summary>The source as it appears in JSON and audit records (snake_case).</summary>
    public string SourceName => Source switch
    {
        BreakerLimitSource.Backtest => "backtest",
        BreakerLimitSource.Floor => "floor",
        BreakerLimitSource.Cap => "cap",
        BreakerLimitSource.ShortBacktest => "short_backtest",
        _ => "no_backtest",
    };

    /// <summary>
    /// One line for people, e.g. <c>breaker 37.5% = 1.25 × backtested worst drawdown 30.0% (2019-01-01→2020-12-31)</c>.
    /// </summary>
    public string Describe()
    {
        var window = WindowFrom is { } f && WindowTo is { } t ? F($" ({f:yyyy-MM-dd}→{t:yyyy-MM-dd})") : "";
        var basis = BacktestMaxDrawdown is { } m ? F($"{Multiple:0.##} × backtested worst drawdown {Pct(m)}{window}") : "";
        return Source switch
        {
            BreakerLimitSource.Backtest => F($"breaker {Pct(Limit)} = {basis}"),
            BreakerLimitSource.Floor => F($"breaker {Pct(Limit)} = the floor ({basis} = {Pct(Multiple * BacktestMaxDrawdown!.Value)} is below it)"),
            BreakerLimitSource.Cap => F($"breaker {Pct(Limit)} = the cap ({basis} = {Pct(Multiple * BacktestMaxDrawdown!.Value)} is above it)"),
            BreakerLimitSource.ShortBacktest => F($"breaker {Pct(Limit)} = the floor (the backtest{window} is too short to document the strategy's risk)"),
            _ => F($"breaker {Pct(Limit)} = the floor (no backtest before inception documents the strategy's risk)"),
        };
    }

    /// <summary>A positive fraction as a percentage with one decimal, e.g. <c>37.5%</c>.</summary>
    public static string Pct(decimal fraction) => (fraction * 100m).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
