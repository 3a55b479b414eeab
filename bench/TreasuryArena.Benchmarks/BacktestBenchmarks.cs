using BenchmarkDotNet.Attributes;
using TreasuryArena.Core.Backtesting;
using TreasuryArena.Core.MarketData;
using TreasuryArena.Core.Strategies;
using TreasuryArena.Infrastructure.MarketData.History;

namespace TreasuryArena.Benchmarks;

/// <summary>
/// The backtest hot paths. Each iteration builds a fresh <see cref="IndicatorSet"/>, so moving averages and other
/// indicators are computed inside the measured time (and disposes it, so its buffers are pooled as in real runs). Run:
/// <c>dotnet run -c Release --project bench/TreasuryArena.Benchmarks -- --filter '*BacktestBenchmarks*'</c>
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class BacktestBenchmarks
{
    private const int MillionBars = 1_000_000;

    private BarData _tenYears = null!;
    private IStrategy _treasury = null!;
    private int _start;
    private int _end;
    private BarData _synthetic = null!;
    private IStrategy _crossover = null!;
    private MarketHistory _history = null!;
    private double[] _close = null!;
    private double[] _open = null!;

    [GlobalSetup]
    public void Setup()
    {
        _history = HistoryLoader.Load(HistoryLocator.Find());
        _treasury = StrategyLibrary.Create("treasury-60-40");
        _tenYears = BarDataBuilder.FromHistory(_history, ["YIELD", "BTC", "ETH"]);
        _start = _tenYears.IndexOnOrAfter(new DateOnly(2016, 1, 1));
        _end = _tenYears.IndexOnOrBefore(new DateOnly(2025, 12, 31));

        var rng = new Random(42);
        _close = new double[MillionBars];
        _open = new double[MillionBars];
        var p = 100.0;
        for (var i = 0; i < MillionBars; i++)
        {
            _open[i] = p;
            p *= 1 + ((rng.NextDouble() - 0.5) * 0.04);
            _close[i] = p;
        }

        var dates = new DateOnly[MillionBars];
        var d0 = new DateOnly(1900, 1, 1);
        for (var i = 0; i < MillionBars; i++)
        {
            dates[i] = d0.AddDays(i);
        }

        _synthetic = new BarData(dates, [new AssetBars("BTC", _open, _close)]);
        _crossover = StrategyLibrary.Create("ma-crossover", new Dictionary<string, string> { ["flat"] = "cash" });
    }

    /// <summary>treasury-60-40 (YIELD, BTC, ETH) over 2016–2025 daily, with quant metrics and the benchmark.</summary>
    [Benchmark]
    public double ThreeAssetsTenYears()
    {
        using var indicators = new IndicatorSet(_tenYears);
        return Backtester.Run(_tenYears, _treasury, new BacktestOptions(), _start, _end, "BTC", indicators).Result.FinalEquity;
    }

    /// <summary>20/100 SMA crossover, long/flat (cash), 10 bps fee + 5 bps slippage, 1,000,000 bars, through the engine.</summary>
    [Benchmark]
    public double MillionBarsCrossover()
    {
        // Disposed like Backtester.Run and ParameterSweep dispose theirs: the SMA buffers go back to the pool.
        using var indicators = new IndicatorSet(_synthetic);
        return new PortfolioSimulator(_synthetic, _crossover, new BacktestOptions { RecordWeights = false, RecordTrades = false }, 0, MillionBars - 1, indicators)
            .Run().FinalEquity;
    }

    /// <summary>The same arithmetic as a plain hand-written loop (incremental MAs, next-open fills, fees): the C-like floor.</summary>
    [Benchmark]
    public double MillionBarsCrossoverPlainLoop()
    {
        var close = _close;
        var open = _open;
        double fast = 0, slow = 0, cash = 100_000, units = 0, equity = 0;
        const double fee = 0.001, slip = 0.0005;
        var pending = -1;
        for (var i = 0; i < close.Length; i++)
        {
            if (pending >= 0)
            {
                var px = open[i];
                if (pending == 1 && units == 0)
                {
                    var notional = cash / (1 + fee);
                    units = notional / (px * (1 + slip));
                    cash -= notional * (1 + fee);
                }
                else if (pending == 0 && units > 0)
                {
                    var gross = units * px * (1 - slip);
                    cash += gross * (1 - fee);
                    units = 0;
                }

                pending = -1;
            }

            fast += close[i];
            slow += close[i];
            if (i >= 20)
            {
                fast -= close[i - 20];
            }

            if (i >= 100)
            {
                slow -= close[i - 100];
            }

            equity = cash + (units * close[i]);
            if (i >= 99)
            {
                var want = fast / 20 > slow / 100 ? 1 : 0;
                if ((want == 1) != (units > 0))
                {
                    pending = want;
                }
            }
        }

        return equity;
    }

    /// <summary>10,000-point grid (fast 2..101 × slow 102..201) of ma-crossover over 2016–2025, in and out of sample, all cores.</summary>
    [Benchmark]
    public long SweepTenThousandPoints()
    {
        var report = ParameterSweep.Run(
            StrategyLibrary.Get("ma-crossover"),
            new Dictionary<string, string>(),
            [GridAxis.Parse("fast=2:101:1"), GridAxis.Parse("slow=102:201:1")],
            s => BarDataBuilder.FromHistory(_history, s.Assets.Append("BTC")),
            new BacktestOptions(),
            new DateOnly(2016, 1, 1),
            new DateOnly(2025, 12, 31));
        return report.Runs;
    }
}
