using System.Globalization;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.MarketData;

namespace TreasuryArena.Core.Quant;

/// <summary>
/// A wide table of prices: ascending unique dates, one column per asset, <see cref="double.NaN"/> where an asset has no
/// price (before its listing, after its delisting, or an interior gap). Prices present must be finite and positive and
/// every asset needs at least two prices. Interior gaps are listed in <see cref="Gaps"/>; nothing is filled.
/// </summary>
public sealed class PriceTable
{
    private readonly string[] _assets;
    private readonly DateOnly[] _dates;
    private readonly double[][] _columns;

    public PriceTable(IReadOnlyList<string> assets, IReadOnlyList<DateOnly> dates, IReadOnlyList<double[]> columns)
    {
        ArgumentNullException.ThrowIfNull(assets);
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(columns);
        if (assets.Count == 0)
        {
            throw new QuantException(Outcome.NoAssets, "the price table has no asset columns");
        }

        if (columns.Count != assets.Count)
        {
            throw new ArgumentException($"{assets.Count} assets but {columns.Count} columns", nameof(columns));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in assets)
        {
            if (string.IsNullOrWhiteSpace(a))
            {
                throw new QuantException(Outcome.BadAsset, "an asset column has no name");
            }

            if (!seen.Add(a))
            {
                throw new QuantException(Outcome.DuplicateAsset, $"asset '{a}' appears twice");
            }
        }

        if (dates.Count < 2)
        {
            throw new QuantException(Outcome.TooFewPoints, $"need at least 2 dated rows, got {dates.Count}");
        }

        for (var i = 1; i < dates.Count; i++)
        {
            if (dates[i] == dates[i - 1])
            {
                throw new QuantException(Outcome.DuplicateDate, $"date {Format(dates[i])} appears twice");
            }

            if (dates[i] < dates[i - 1])
            {
                throw new QuantException(Outcome.UnsortedDates, $"dates must ascend: {Format(dates[i - 1])} then {Format(dates[i])}");
            }
        }

        var gaps = new List<PriceGap>();
        for (var j = 0; j < columns.Count; j++)
        {
            var c = columns[j];
            if (c.Length != dates.Count)
            {
                throw new ArgumentException($"column {assets[j]} has {c.Length} values for {dates.Count} dates", nameof(columns));
            }

            var count = 0;
            for (var i = 0; i < c.Length; i++)
            {
                if (double.IsNaN(c[i]))
                {
                    continue;
                }

                if (!double.IsFinite(c[i]) || c[i] <= 0)
                {
                    throw new QuantException(Outcome.NonPositivePrice, $"{assets[j]} on {Format(dates[i])}: price {c[i].ToString(CultureInfo.InvariantCulture)} is not a positive number");
                }

                count++;
            }

            if (count < 2)
            {
                throw new QuantException(Outcome.TooFewPoints, $"{assets[j]} has {count} price(s); need at least 2");
            }

            FindGaps(assets[j], dates, c, gaps);
        }

        _assets = [.. assets];
        _dates = [.. dates];
        _columns = [.. columns];
        Gaps = gaps;
    }

    public IReadOnlyList<string> Assets => _assets;

    public IReadOnlyList<DateOnly> Dates => _dates;

    public int AssetCount => _assets.Length;

    public int RowCount => _dates.Length;

    /// <summary>Interior runs of missing prices (an asset's leading and trailing missing values are not gaps).</summary>
    public IReadOnlyList<PriceGap> Gaps { get; }

    /// <summary>True when every asset has a price on every date.</summary>
    public bool IsComplete => _columns.All(c => !c.Any(double.IsNaN));

    public ReadOnlySpan<double> Column(int asset) => _columns[asset];

    public int IndexOf(string asset)
    {
        var i = Array.IndexOf(_assets, asset);
        return i >= 0 ? i : throw new QuantException(Outcome.UnknownAsset, $"no column named '{asset}'");
    }

    /// <summary>Outer join of several series on their dates (NaN where a series has no value).</summary>
    public static PriceTable FromSeries(IReadOnlyList<TimeSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var all = new SortedSet<DateOnly>();
        foreach (var s in series)
        {
            foreach (var d in s.Dates)
            {
                all.Add(d);
            }
        }

        var dates = all.ToArray();
        var index = new Dictionary<DateOnly, int>(dates.Length);
        for (var i = 0; i < dates.Length; i++)
        {
            index[dates[i]] = i;
        }

        var cols = new double[series.Count][];
        for (var j = 0; j < series.Count; j++)
        {
            var c = new double[dates.Length];
            Array.Fill(c, double.NaN);
            var s = series[j];
            for (var k = 0; k < s.Count; k++)
            {
                c[index[s.DateAt(k)]] = s.ValueAt(k);
            }

            cols[j] = c;
        }

        return new PriceTable(series.Select(s => s.Name).ToArray(), dates, cols);
    }

    /// <summary>Only the rows on which every asset has a price (the <c>--align complete</c> convention).</summary>
    public PriceTable CompleteRows()
    {
        var keep = new List<int>();
        for (var i = 0; i < _dates.Length; i++)
        {
            var ok = true;
            foreach (var c in _columns)
            {
                if (double.IsNaN(c[i]))
                {
                    ok = false;
                    break;
                }
            }

            if (ok)
            {
                keep.Add(i);
            }
        }

        if (keep.Count < 2)
        {
            throw new QuantException(Outcome.TooFewPoints, $"only {keep.Count} date(s) have a price for every asset; need at least 2");
        }

        return new PriceTable(
            _assets,
            keep.Select(i => _dates[i]).ToArray(),
            _columns.Select(c => keep.Select(i => c[i]).ToArray()).ToArray());
    }

    /// <summary>A table of some of the assets, in the given order.</summary>
    public PriceTable Select(IReadOnlyList<string> assets) =>
        new(assets, _dates, assets.Select(a => _columns[IndexOf(a)]).ToArray());

    /// <summary>
    /// Simple returns, one row per date after the first: r[t] = p[t] / p[t-1] - 1 when both prices exist, NaN otherwise
    /// (so a gap removes the returns that touch it instead of inventing a price).
    /// </summary>
    public ReturnTable ToReturns(bool log = false)
    {
        var t = _dates.Length - 1;
        var cols = new double[_columns.Length][];
        for (var j = 0; j < _columns.Length; j++)
        {
            var p = _columns[j];
            var r = new double[t];
            for (var i = 0; i < t; i++)
            {
                var a = p[i];
                var b = p[i + 1];
                r[i] = double.IsNaN(a) || double.IsNaN(b) ? double.NaN : (log ? Math.Log(b / a) : b / a - 1.0);
            }

            cols[j] = r;
        }

        return new ReturnTable(_assets, _dates[1..], cols);
    }

    private static void FindGaps(string asset, IReadOnlyList<DateOnly> dates, double[] c, List<PriceGap> gaps)
    {
        var first = Array.FindIndex(c, v => !double.IsNaN(v));
        var last = Array.FindLastIndex(c, v => !double.IsNaN(v));
        var i = first;
        while (i <= last)
        {
            if (!double.IsNaN(c[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (double.IsNaN(c[i]))
            {
                i++;
            }

            gaps.Add(new PriceGap(asset, dates[start], dates[i - 1], i - start));
        }
    }

    private static string Format(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
