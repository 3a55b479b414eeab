using TreasuryArena.Core.MarketData;

namespace TreasuryArena.Core.Backtesting;

/// <summary>
/// A backtest frame: one ascending date axis (any fixed interval), the tradable assets' bars on it and auxiliary
/// series (MVRV Z, Fear &amp; Greed, T-bill) carried forward as of each bar (NaN before their first value).
/// Strategies never get this object: they see it only through <see cref="MarketView"/>, which ends at bar t.
/// A frame built from market history also carries its priced assets' inceptions (<see cref="Inception"/>): bars before
/// the latest of them hold real prices that indicators may read, but no backtest trades there (<see cref="TradableFrom"/>).
/// </summary>
public sealed class BarData
{
    private readonly Dictionary<string, double[]> _aux;

    public BarData(DateOnly[] dates, IReadOnlyList<AssetBars> assets, IReadOnlyDictionary<string, double[]>? aux = null, IReadOnlyList<AssetInception>? inceptions = null)
    {
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(assets);
        if (dates.Length < 2)
        {
            throw new ArgumentException("a frame needs at least two bars", nameof(dates));
        }

        for (var i = 1; i < dates.Length; i++)
        {
            if (dates[i] <= dates[i - 1])
            {
                throw new ArgumentException($"dates must ascend without duplicates ({dates[i - 1]:yyyy-MM-dd} then {dates[i]:yyyy-MM-dd})", nameof(dates));
            }
        }

        if (assets.Count == 0)
        {
            throw new ArgumentException("a frame needs at least one asset", nameof(assets));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in assets)
        {
            if (a.Close.Length != dates.Length || a.Open.Length != dates.Length)
            {
                throw new ArgumentException($"{a.Symbol}: {a.Close.Length} closes for {dates.Length} dates", nameof(assets));
            }

            if (!seen.Add(a.Symbol))
            {
                throw new ArgumentException($"{a.Symbol} appears twice", nameof(assets));
            }

            foreach (var c in a.Close)
            {
                if (!(c > 0) || !double.IsFinite(c))
                {
                    throw new ArgumentException($"{a.Symbol}: every close must be a positive number", nameof(assets));
                }
            }
        }

        _aux = new Dictionary<string, double[]>(StringComparer.Ordinal);
        if (aux is not null)
        {
            foreach (var (name, values) in aux)
            {
                if (values.Length != dates.Length)
                {
                    throw new ArgumentException($"{name}: {values.Length} values for {dates.Length} dates", nameof(aux));
                }

                _aux[name] = values;
            }
        }

        Dates = dates;
        Assets = assets;
        Inceptions = inceptions ?? [];
        Binding = Inceptions.Count == 0 ? null : Inceptions.MaxBy(i => i.Date);
        var tradable = Binding is null ? 0 : IndexOnOrAfter(Binding.Date);
        TradableFrom = tradable < 0 ? dates.Length : tradable;
        var spacing = new int[Math.Min(dates.Length - 1, 64)];
        for (var i = 0; i < spacing.Length; i++)
        {
            spacing[i] = dates[i + 1].DayNumber - dates[i].DayNumber;
        }

        Array.Sort(spacing);
        BarDays = spacing[spacing.Length / 2];
        PeriodsPerYear = BarDays == 1 ? 365.0 : 365.0 / BarDays;
    }

    public DateOnly[] Dates { get; }

    public IReadOnlyList<AssetBars> Assets { get; }

    /// <summary>The inceptions of the frame's priced assets (empty for a constructed frame: every bar is tradable).</summary>
    public IReadOnlyList<AssetInception> Inceptions { get; }

    /// <summary>The latest of <see cref="Inceptions"/>, the one that decides <see cref="TradableFrom"/>; null when there are none.</summary>
    public AssetInception? Binding { get; }

    /// <summary>The first bar on or after every priced asset's inception (0 without inceptions; <see cref="Count"/> when
    /// the frame ends before it). No backtest starts before this bar.</summary>
    public int TradableFrom { get; }

    public int Count => Dates.Length;

    /// <summary>The typical bar spacing in days (the median of the first gaps).</summary>
    public int BarDays { get; }

    /// <summary>Bars per year used to annualise metrics (365 for daily crypto bars, every day trades).</summary>
    public double PeriodsPerYear { get; }

    public IEnumerable<string> AuxNames => _aux.Keys;

    public int AssetIndex(string symbol)
    {
        for (var i = 0; i < Assets.Count; i++)
        {
            if (string.Equals(Assets[i].Symbol, symbol, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    internal double[] Aux(string name) =>
        _aux.TryGetValue(name, out var v) ? v : throw new ArgumentException($"the frame has no `{name}` series (it has: {string.Join(", ", _aux.Keys)})");

    public bool HasAux(string name) => _aux.ContainsKey(name);

    /// <summary>Index of the first bar dated on or after <paramref name="date"/>, or -1.</summary>
    public int IndexOnOrAfter(DateOnly date)
    {
        var i = Array.BinarySearch(Dates, date);
        i = i >= 0 ? i : ~i;
        return i < Dates.Length ? i : -1;
    }

    /// <summary>Index of the last bar dated on or before <paramref name="date"/>, or -1.</summary>
    public int IndexOnOrBefore(DateOnly date)
    {
        var i = Array.BinarySearch(Dates, date);
        return i >= 0 ? i : ~i - 1;
    }

    /// <summary>The price an order placed at the close of bar <c>t − 1</c> fills at on bar t: the open, else the close.</summary>
    internal double FillPrice(int asset, int t)
    {
        var o = Assets[asset].Open[t];
        return o > 0 && double.IsFinite(o) ? o : Assets[asset].Close[t];
    }
}
