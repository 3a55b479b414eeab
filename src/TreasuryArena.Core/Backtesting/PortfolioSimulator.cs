using System.Runtime.CompilerServices;
using TreasuryArena.Core.Strategies;

namespace TreasuryArena.Core.Backtesting;

/// <summary>
/// The backtest engine as a steppable simulator. Each <see cref="Step"/> processes one bar t: it fills the order
/// decided at the close of t − 1 (at t's open, else its close; fee and slippage per asset), marks the portfolio to
/// t's close, then asks the strategy for target weights with a view that ends at t and applies the rebalancing
/// policy. The state (cash, units, pending order, last target and rebalance, cost totals) can be captured and
/// restored, so a live portfolio runs the very same accounting one day at a time.
/// </summary>
public sealed class PortfolioSimulator
{
    private const double Tolerance = 1e-9;
    // The runtime's default large-object threshold.
    private const int LargeObjectBytes = 85_000;

    private readonly BarData _data;
    private readonly IStrategyKernel _kernel;
    private readonly RebalancePolicy _policy;
    private readonly bool _onSignal;
    private readonly RebalanceCalendar _calendar;
    private readonly double _driftThreshold;
    // A calendar or drift trigger can fire on a bar whose target did not change; a signal-only policy cannot.
    private readonly bool _triggersWithoutChange;
    private readonly BacktestOptions _options;
    private readonly int _n;
    private readonly double[][] _close;
    private readonly double[] _fee;
    private readonly double[] _slip;
    private readonly double[] _units;
    private readonly double[] _target;
    private readonly double[] _previous;
    private readonly double[] _pending;
    private double[] _equity;
    private double[]? _weights;
    private bool _handedOut;
    private readonly List<Trade> _trades = [];
    private readonly List<Decision> _decisions = [];

    private double _cash;
    private bool _hasPending;
    private bool _hasPrevious;
    // The last target was checked, is the previous target exactly, and the policy only fires on a change.
    private bool _quiet;
    private int _lastRebalance = -1;
    private int _tradeCount;
    private double _feesPaid;
    private double _slippagePaid;
    private int _recordFrom;

    /// <param name="data">The frame (history before <paramref name="startIndex"/> is warm-up the strategy may read).</param>
    /// <param name="strategy">The strategy; its kernel is prepared over <paramref name="indicators"/>.</param>
    /// <param name="options">Capital, costs, recording.</param>
    /// <param name="startIndex">The first bar simulated (the portfolio is all cash at its close).</param>
    /// <param name="endIndex">The last bar simulated (inclusive).</param>
    /// <param name="indicators">The indicator cache to use (default: a fresh one over <paramref name="data"/>).</param>
    public PortfolioSimulator(BarData data, IStrategy strategy, BacktestOptions options, int startIndex, int endIndex, IndicatorSet? indicators = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (startIndex < 0 || endIndex >= data.Count || startIndex > endIndex)
        {
            throw new ArgumentOutOfRangeException(nameof(startIndex), $"bars {startIndex}..{endIndex} are not inside the frame's 0..{data.Count - 1}");
        }

        if (indicators is not null && indicators.Data != data)
        {
            throw new ArgumentException("the indicator set belongs to another frame", nameof(indicators));
        }

        foreach (var symbol in strategy.Assets)
        {
            if (data.AssetIndex(symbol) < 0)
            {
                throw new ArgumentException($"strategy `{strategy.Name}` trades {symbol}, which the frame does not have", nameof(strategy));
            }
        }

        _data = data;
        _options = options;
        _policy = options.Rebalance ?? strategy.Rebalance;
        _onSignal = _policy.OnSignal;
        _calendar = _policy.Calendar;
        _driftThreshold = _policy.DriftThreshold ?? double.NaN;
        _triggersWithoutChange = _calendar != RebalanceCalendar.None || !double.IsNaN(_driftThreshold);
        _kernel = strategy.Prepare(indicators ?? new IndicatorSet(data));
        _n = data.Assets.Count;
        _close = new double[_n][];
        _fee = new double[_n];
        _slip = new double[_n];
        for (var i = 0; i < _n; i++)
        {
            var a = data.Assets[i];
            _close[i] = a.Close;
            _fee[i] = a.IsYield ? 0 : options.FeeBps / 10_000;
            _slip[i] = a.IsYield ? 0 : options.SlippageBps / 10_000;
        }

        _units = new double[_n];
        _target = new double[_n];
        _previous = new double[_n];
        _pending = new double[_n];
        StartIndex = startIndex;
        EndIndex = endIndex;
        Index = startIndex - 1;
        _recordFrom = startIndex;
        _cash = options.Capital;
        _equity = NewCurve(endIndex - startIndex + 1);
        _weights = options.RecordWeights ? new double[_equity.Length * _n] : null;
        StrategyName = strategy.Name;
        Policy = _policy;
    }

    public string StrategyName { get; }

    public RebalancePolicy Policy { get; }

    public BarData Data => _data;

    public int StartIndex { get; }

    public int EndIndex { get; }

    /// <summary>The last bar processed (StartIndex − 1 before the first step).</summary>
    public int Index { get; private set; }

    public double Cash => _cash;

    public ReadOnlySpan<double> Units => _units;

    public int TradeCount => _tradeCount;

    public double FeesPaid => _feesPaid;

    public double SlippagePaid => _slippagePaid;

    /// <summary>Equity at the close of the last processed bar.</summary>
    public double Equity => Index >= _recordFrom ? _equity[Index - StartIndex] : _options.Capital;

    /// <summary>Whether an order decided at the last close waits for the next bar.</summary>
    public bool HasPendingOrder => _hasPending;

    /// <summary>The pending target weights (empty when none).</summary>
    public ReadOnlySpan<double> PendingTarget => _hasPending ? _pending : [];

    /// <summary>Processes the next bar; false when the end is reached.</summary>
    public bool Step()
    {
        var t = Index + 1;
        if (t > EndIndex)
        {
            return false;
        }

        Advance(t);
        return true;
    }

    /// <summary>Steps to the end and returns the recorded run.</summary>
    public BacktestResult Run()
    {
        // The same per-bar work as Step, in one loop without the per-call bounds test and property round trip. On a
        // quiet stretch a scanning kernel says how long its target holds; those bars are only marked to market, which
        // is all Step does on them too (the repeated target returns after one comparison).
        var scan = _kernel as IHoldScan;
        var t = Index + 1;
        while (t <= EndIndex)
        {
            if (scan is not null && _quiet && !_hasPending)
            {
                var stop = scan.HeldUntil(t, Math.Min(EndIndex + 1, t + CausalSeries.Block), _previous);
                if (stop > t)
                {
                    MarkHeld(t, stop);
                    Index = stop - 1;
                    t = stop;
                    continue;
                }
            }

            Advance(t);
            t++;
        }

        return Result();
    }

    /// <summary>Bar t: fill the pending order, mark to the close, record, decide; then t is the last bar processed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Advance(int t)
    {
        if (_hasPending)
        {
            Fill(t);
            _hasPending = false;
        }

        Decide(t, Mark(t));
        Index = t;
    }

    /// <summary>Marks bar t to its close: records equity (and weights) and returns the equity.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Mark(int t)
    {
        var n = _n;
        var units = _units;
        var close = _close;
        var eq = _cash;
        // Index arithmetic below stays inside arrays sized in the constructor, so it cannot overflow.
        unchecked
        {
            for (var i = 0; i < n; i++)
            {
                eq += units[i] * close[i][t];
            }

            var row = t - StartIndex;
            _equity[row] = eq;
            if (_weights is { } w)
            {
                var o = row * n;
                for (var i = 0; i < n; i++)
                {
                    w[o + i] = units[i] * close[i][t] / eq;
                }
            }
        }

        return eq;
    }

    /// <summary>Marks bars [from, to) to their closes with the holdings unchanged (no order, no new target).</summary>
    private void MarkHeld(int from, int to)
    {
        if (_n == 1 && _weights is null)
        {
            // One asset, no weights: equity = cash + units × close, the same sum Mark forms.
            var cash = _cash;
            var units = _units[0];
            var close = _close[0].AsSpan(from, to - from);
            var equity = _equity.AsSpan(from - StartIndex, close.Length);
            for (var i = 0; i < close.Length; i++)
            {
                equity[i] = cash + (units * close[i]);
            }

            return;
        }

        for (var t = from; t < to; t++)
        {
            Mark(t);
        }
    }

    /// <summary>
    /// A fresh equity curve (every element is written before it is read). A curve too big for the small-object heap
    /// goes to the pinned-object heap instead of the large-object heap: both are collected only with gen 2 and neither
    /// moves its objects, but freed pinned-heap space is handed out again more often, so back-to-back long runs fault
    /// in fewer fresh pages (measured: about 220 instead of 680 page faults per 1,000,000-bar run).
    /// </summary>
    private static double[] NewCurve(int length) =>
        GC.AllocateUninitializedArray<double>(length, pinned: length >= LargeObjectBytes / sizeof(double));

    /// <summary>The bars recorded so far (since the start, or since the last <see cref="Restore"/>).</summary>
    public BacktestResult Result()
    {
        var first = _recordFrom - StartIndex;
        var count = Math.Max(0, Index - _recordFrom + 1);
        // A complete run hands over its buffers instead of copying them (they are not written again).
        var whole = first == 0 && count == _equity.Length;
        var dates = whole && _recordFrom == 0 && count == _data.Count ? _data.Dates : _data.Dates.AsSpan(_recordFrom, count).ToArray();
        var equity = whole ? _equity : _equity.AsSpan(first, count).ToArray();
        double[]? weights = _weights is null ? null : whole ? _weights : _weights.AsSpan(first * _n, count * _n).ToArray();
        _handedOut |= whole;
        var symbols = _data.Assets.Select(a => a.Symbol).ToArray();
        return new BacktestResult(StrategyName, symbols, dates, equity, weights, [.. _trades], [.. _decisions], _tradeCount, _feesPaid, _slippagePaid, _options.Capital, _data.PeriodsPerYear);
    }

    public SimulatorState Capture() => new(
        _data.Dates[Index < 0 ? 0 : Index],
        _data.Assets.Select(a => a.Symbol).ToArray(),
        _cash,
        (double[])_units.Clone(),
        _hasPending ? (double[])_pending.Clone() : null,
        _hasPrevious ? (double[])_previous.Clone() : null,
        _lastRebalance >= 0 ? _data.Dates[_lastRebalance] : null,
        _tradeCount,
        _feesPaid,
        _slippagePaid);

    /// <summary>
    /// Continues from a captured state: the next <see cref="Step"/> processes the bar after <see cref="SimulatorState.Date"/>.
    /// The frame may have grown since the capture; the date must be on it and the assets must match.
    /// </summary>
    public void Restore(SimulatorState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var i = Array.BinarySearch(_data.Dates, state.Date);
        if (i < 0)
        {
            throw new ArgumentException($"state date {state.Date:yyyy-MM-dd} is not a bar of this frame", nameof(state));
        }

        if (i < StartIndex - 1 || i > EndIndex)
        {
            throw new ArgumentException($"state date {state.Date:yyyy-MM-dd} is outside this simulation's range", nameof(state));
        }

        if (!state.Assets.SequenceEqual(_data.Assets.Select(a => a.Symbol)) || state.Units.Length != _n)
        {
            throw new ArgumentException("state assets differ from the frame's", nameof(state));
        }

        if (_handedOut)
        {
            // A finished run's result owns the old buffers; record into new ones.
            _equity = NewCurve(_equity.Length);
            _weights = _weights is null ? null : new double[_weights.Length];
            _handedOut = false;
        }

        _cash = state.Cash;
        state.Units.CopyTo(_units, 0);
        _hasPending = state.PendingTarget is not null;
        state.PendingTarget?.CopyTo(_pending, 0);
        _hasPrevious = state.PreviousTarget is not null;
        _quiet = false;
        state.PreviousTarget?.CopyTo(_previous, 0);
        _lastRebalance = state.LastRebalance is { } lr ? Math.Max(0, _data.IndexOnOrBefore(lr)) : -1;
        _tradeCount = state.TradeCount;
        _feesPaid = state.FeesPaid;
        _slippagePaid = state.SlippagePaid;
        _trades.Clear();
        _decisions.Clear();
        Index = i;
        _recordFrom = i + 1;
    }

    /// <summary>
    /// Asks the kernel for bar t's targets. Most bars repeat the last target exactly under a policy that only a
    /// change can trigger; they return after one comparison (the repeated target was checked when it was first seen).
    /// Every other bar is checked and goes through the rebalancing policy.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Decide(int t, double equity)
    {
        var target = _target;
        var n = _n;
        unchecked
        {
            // Plain loops, not Array.Clear/Copy: n is a handful of assets and this runs once per bar.
            for (var i = 0; i < n; i++)
            {
                target[i] = 0;
            }

            _kernel.Decide(new MarketView(_data, t, StartIndex), target);
            if (_quiet)
            {
                var previous = _previous;
                var i = 0;
                while (i < n && target[i] == previous[i])
                {
                    i++;
                }

                if (i == n)
                {
                    return;
                }
            }
        }

        CheckAndRebalance(t, equity);
    }

    /// <summary>Checks bar t's targets, applies the policy, and notes whether the next bars may take the quiet path.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void CheckAndRebalance(int t, double equity)
    {
        var target = _target;
        var previous = _previous;
        var n = _n;
        double sum = 0;
        var changed = false;
        for (var i = 0; i < n; i++)
        {
            var w = target[i];
            if (!(w >= 0) || w > 1 + Tolerance)
            {
                throw WeightOutOfRange(t, i, w);
            }

            changed |= Math.Abs(w - previous[i]) > Tolerance;
            sum += w;
        }

        if (sum > 1 + 1e-6)
        {
            throw SumAboveOne(t, sum);
        }

        if (changed || !_hasPrevious || _lastRebalance < 0 || _triggersWithoutChange)
        {
            Rebalance(t, equity, sum, changed);
        }

        // Quiet from here on while the target stays exactly this checked one and only a change could trigger.
        _quiet = !_triggersWithoutChange && _hasPrevious && _lastRebalance >= 0 && target.AsSpan(0, n).SequenceEqual(previous.AsSpan(0, n));
    }

    /// <summary>Applies the rebalancing policy to bar t's checked targets (see <see cref="RebalancePolicy"/>).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Rebalance(int t, double equity, double sum, bool changed)
    {
        var target = _target;
        var previous = _previous;
        var n = _n;
        string? trigger = null;
        if (_lastRebalance < 0)
        {
            if (Drift(t, equity, sum) > Tolerance)
            {
                trigger = "initial";
            }
        }
        else
        {
            if (_onSignal && changed && _hasPrevious)
            {
                trigger = "signal";
            }
            else if (_calendar != RebalanceCalendar.None && IsBoundary(t) && Drift(t, equity, sum) > Tolerance)
            {
                trigger = "calendar";
            }
            else if (!double.IsNaN(_driftThreshold) && Drift(t, equity, sum) > _driftThreshold)
            {
                trigger = "drift";
            }
        }

        if (changed || !_hasPrevious)
        {
            for (var i = 0; i < n; i++)
            {
                previous[i] = target[i];
            }
        }

        _hasPrevious = true;
        if (trigger is null)
        {
            return;
        }

        Array.Copy(target, _pending, n);
        _hasPending = true;
        _lastRebalance = t;
        if (_options.RecordDecisions)
        {
            _decisions.Add(new Decision(_data.Dates[t], (double[])target.Clone(), trigger));
        }
    }

    // The messages are built out of line, so the per-bar path carries no string-formatting state.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private InvalidOperationException WeightOutOfRange(int t, int asset, double w) =>
        new($"{StrategyName}: target weight {w} for {_data.Assets[asset].Symbol} on {_data.Dates[t]:yyyy-MM-dd} is outside 0..1");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private InvalidOperationException SumAboveOne(int t, double sum) =>
        new($"{StrategyName}: target weights sum to {sum} on {_data.Dates[t]:yyyy-MM-dd}, more than 1");

    /// <summary>½ Σ |w − w*| over the assets and cash at bar t's close.</summary>
    private double Drift(int t, double equity, double targetSum)
    {
        double d = 0;
        double invested = 0;
        for (var i = 0; i < _n; i++)
        {
            var w = _units[i] * _close[i][t] / equity;
            invested += w;
            d += Math.Abs(w - _target[i]);
        }

        d += Math.Abs((1 - invested) - (1 - targetSum));
        return d / 2;
    }

    private bool IsBoundary(int t)
    {
        if (t == 0)
        {
            return true;
        }

        var a = _data.Dates[t - 1];
        var b = _data.Dates[t];
        return _policy.Calendar switch
        {
            RebalanceCalendar.Daily => true,
            // DayNumber 0 is Monday 0001-01-01, so DayNumber / 7 numbers Monday-based weeks.
            RebalanceCalendar.Weekly => a.DayNumber / 7 != b.DayNumber / 7,
            RebalanceCalendar.Monthly => a.Month != b.Month || a.Year != b.Year,
            RebalanceCalendar.Quarterly => (a.Month - 1) / 3 != (b.Month - 1) / 3 || a.Year != b.Year,
            _ => false,
        };
    }

    private void Fill(int t)
    {
        var n = _n;
        Span<double> price = n <= 16 ? stackalloc double[n] : new double[n];
        var value = _cash;
        for (var i = 0; i < n; i++)
        {
            price[i] = _data.FillPrice(i, t);
            value += _units[i] * price[i];
        }

        var minTrade = Math.Max(_policy.MinTradeFraction * value, value * 1e-12);
        var date = _data.Dates[t];

        // Sells first, so their proceeds fund the buys.
        for (var i = 0; i < n; i++)
        {
            var delta = (_pending[i] * value) - (_units[i] * price[i]);
            if (delta >= -minTrade)
            {
                continue;
            }

            var units = Math.Min(_units[i], -delta / price[i]);
            var px = price[i] * (1 - _slip[i]);
            var gross = units * px;
            var fee = gross * _fee[i];
            var slip = units * price[i] * _slip[i];
            _cash += gross - fee;
            _units[i] -= units;
            Book(date, i, -units, px, gross, fee, slip);
        }

        double need = 0;
        for (var i = 0; i < n; i++)
        {
            var delta = (_pending[i] * value) - (_units[i] * price[i]);
            if (delta > minTrade)
            {
                need += delta * (1 + _fee[i]);
            }
        }

        if (need <= 0)
        {
            return;
        }

        var scale = need > _cash ? _cash / need : 1.0;
        for (var i = 0; i < n; i++)
        {
            var delta = (_pending[i] * value) - (_units[i] * price[i]);
            if (delta <= minTrade)
            {
                continue;
            }

            var notional = delta * scale;
            var px = price[i] * (1 + _slip[i]);
            var units = notional / px;
            var fee = notional * _fee[i];
            var slip = units * price[i] * _slip[i];
            _cash -= notional + fee;
            _units[i] += units;
            Book(date, i, units, px, notional, fee, slip);
        }

        if (_cash < 0 && _cash > -1e-9 * value)
        {
            _cash = 0;
        }
    }

    private void Book(DateOnly date, int asset, double units, double price, double notional, double fee, double slippage)
    {
        _tradeCount++;
        _feesPaid += fee;
        _slippagePaid += slippage;
        if (_options.RecordTrades)
        {
            _trades.Add(new Trade(date, _data.Assets[asset].Symbol, units, price, notional, fee, slippage));
        }
    }
}
