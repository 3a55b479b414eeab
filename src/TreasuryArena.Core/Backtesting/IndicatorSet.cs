using System.Collections.Concurrent;
using System.Globalization;

namespace TreasuryArena.Core.Backtesting;

/// <summary>
/// Builds causal indicator series over one frame and caches them by key, so a parameter sweep computes each
/// moving average once. Every builder reads bar i's value only from bars 0..i. Thread-safe. Disposing the set gives
/// the buffers of its filled-on-demand series back to the shared pool (optional: undisposed buffers are collected);
/// neither the set nor its series may be used afterwards.
/// </summary>
public sealed class IndicatorSet : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<CausalSeries>> _cache = new(StringComparer.Ordinal);
    // The SMAs of each asset are filled by one bank, which fills two averages standing at the same bar together.
    private readonly ConcurrentDictionary<int, SmaBank> _smaBanks = new();
    private volatile bool _disposed;

    public IndicatorSet(BarData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Data = data;
    }

    internal BarData Data { get; }

    public void Dispose()
    {
        _disposed = true;
        foreach (var entry in _cache.Values)
        {
            if (entry.IsValueCreated)
            {
                entry.Value.Release();
            }
        }
    }

    public int AssetIndex(string symbol)
    {
        var i = Data.AssetIndex(symbol);
        return i >= 0 ? i : throw new ArgumentException($"the frame has no asset `{symbol}`");
    }

    /// <summary>The closes of an asset.</summary>
    public CausalSeries Close(string symbol)
    {
        var a = AssetIndex(symbol);
        return Get($"close({symbol})", () => Data.Assets[a].Close);
    }

    /// <summary>An auxiliary series (<see cref="AuxSeries"/>), NaN before its first value.</summary>
    public CausalSeries Aux(string name) => Get($"aux({name})", () => Data.Aux(name));

    /// <summary>
    /// Simple moving average of the closes over <paramref name="window"/> bars: a running sum (add the new close, drop
    /// the oldest), filled on demand; warm-up bars are NaN (see <see cref="SmaBank"/>).
    /// </summary>
    public CausalSeries Sma(string symbol, int window)
    {
        Positive(window, nameof(window));
        var a = AssetIndex(symbol);
        var close = Data.Assets[a].Close;
        return GetFilled(Key("sma", symbol, window), close.Length, values => _smaBanks.GetOrAdd(a, _ => new SmaBank(close)).Add(window, values));
    }

    /// <summary>Exponential moving average (alpha = 2 / (span + 1)), seeded with the first close.</summary>
    public CausalSeries Ema(string symbol, int span)
    {
        Positive(span, nameof(span));
        var a = AssetIndex(symbol);
        return Get(Key("ema", symbol, span), () =>
        {
            var c = Data.Assets[a].Close;
            var r = new double[c.Length];
            var alpha = 2.0 / (span + 1);
            r[0] = c[0];
            for (var i = 1; i < c.Length; i++)
            {
                r[i] = r[i - 1] + (alpha * (c[i] - r[i - 1]));
            }

            for (var i = 0; i < Math.Min(span - 1, r.Length); i++)
            {
                r[i] = double.NaN;
            }

            return r;
        });
    }

    /// <summary>Return over <paramref name="lookback"/> bars: close[i] / close[i − lookback] − 1.</summary>
    public CausalSeries Momentum(string symbol, int lookback)
    {
        Positive(lookback, nameof(lookback));
        var a = AssetIndex(symbol);
        return Get(Key("mom", symbol, lookback), () =>
        {
            var c = Data.Assets[a].Close;
            var r = new double[c.Length];
            for (var i = 0; i < c.Length; i++)
            {
                r[i] = i >= lookback ? (c[i] / c[i - lookback]) - 1 : double.NaN;
            }

            return r;
        });
    }

    /// <summary>
    /// Annualised volatility of simple bar returns over the last <paramref name="window"/> returns
    /// (sample standard deviation × √periods per year), computed with running sums.
    /// </summary>
    public CausalSeries Volatility(string symbol, int window)
    {
        if (window < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "a volatility window needs at least 2 returns");
        }

        var a = AssetIndex(symbol);
        return Get(Key("vol", symbol, window), () =>
        {
            var c = Data.Assets[a].Close;
            var n = c.Length;
            var ret = new double[n];
            for (var i = 1; i < n; i++)
            {
                ret[i] = (c[i] / c[i - 1]) - 1;
            }

            var r = new double[n];
            double sum = 0, sumSq = 0;
            var ann = Math.Sqrt(Data.PeriodsPerYear);
            for (var i = 0; i < n; i++)
            {
                if (i >= 1)
                {
                    sum += ret[i];
                    sumSq += ret[i] * ret[i];
                }

                if (i > window)
                {
                    sum -= ret[i - window];
                    sumSq -= ret[i - window] * ret[i - window];
                }

                if (i < window)
                {
                    r[i] = double.NaN;
                    continue;
                }

                var mean = sum / window;
                var variance = Math.Max(0, (sumSq - (window * mean * mean)) / (window - 1));
                r[i] = Math.Sqrt(variance) * ann;
            }

            return r;
        });
    }

    /// <summary>Wilder's RSI over <paramref name="period"/> bars (0..100), NaN during warm-up.</summary>
    public CausalSeries Rsi(string symbol, int period)
    {
        Positive(period, nameof(period));
        var a = AssetIndex(symbol);
        return Get(Key("rsi", symbol, period), () =>
        {
            var c = Data.Assets[a].Close;
            var r = new double[c.Length];
            double gain = 0, loss = 0;
            r[0] = double.NaN;
            for (var i = 1; i < c.Length; i++)
            {
                var d = c[i] - c[i - 1];
                var g = d > 0 ? d : 0;
                var l = d < 0 ? -d : 0;
                if (i <= period)
                {
                    gain += g / period;
                    loss += l / period;
                }
                else
                {
                    gain = ((gain * (period - 1)) + g) / period;
                    loss = ((loss * (period - 1)) + l) / period;
                }

                r[i] = i < period ? double.NaN : loss == 0 ? 100 : 100 - (100 / (1 + (gain / loss)));
            }

            return r;
        });
    }

    /// <summary>
    /// A forward scan: state[i] = step(state[i − 1], view at bar i), starting from <paramref name="initial"/>. The
    /// step sees a <see cref="MarketView"/> bounded by bar i, so the result is causal by construction.
    /// </summary>
    public CausalSeries Scan(string key, double initial, CausalStep step)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(step);
        return Get("scan(" + key + ")", () =>
        {
            var r = new double[Data.Count];
            var state = initial;
            for (var i = 0; i < r.Length; i++)
            {
                state = step(state, new MarketView(Data, i, 0));
                r[i] = state;
            }

            return r;
        });
    }

    private static string Key(string kind, string symbol, int n) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind}({symbol},{n})");

    private static void Positive(int n, string name)
    {
        if (n < 1)
        {
            throw new ArgumentOutOfRangeException(name, n, "must be at least 1");
        }
    }

    private CausalSeries Get(string key, Func<double[]> build)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _cache.GetOrAdd(key, k => new Lazy<CausalSeries>(() => new CausalSeries(k, build()))).Value;
    }

    /// <summary>A series filled on demand as bars are read (see <see cref="CausalSeries"/>).</summary>
    private CausalSeries GetFilled(string key, int length, Func<double[], SeriesFill> fillInto)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _cache.GetOrAdd(key, k => new Lazy<CausalSeries>(() => new CausalSeries(k, length, fillInto))).Value;
    }
}
