using BenchmarkDotNet.Attributes;
using TreasuryArena.Core.Intelligence;
using TreasuryArena.Infrastructure.MarketData;
using TreasuryArena.Infrastructure.MarketData.History;

namespace TreasuryArena.Benchmarks;

/// <summary>
/// The intelligence hot path as a backtest or the treasury's daily loop uses it: one snapshot as of a date from the
/// shipped history, phase + signal for it, and a full day's assessment (two snapshots: the day and its reference).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class IntelligenceBenchmarks
{
    private static readonly DateOnly Day = new(2021, 11, 9);
    private HistoryMarketDataProvider _provider = null!;
    private MarketIntelligence _intelligence = null!;
    private MarketSnapshot _snapshot = null!;

    [GlobalSetup]
    public void Setup()
    {
        _provider = new HistoryMarketDataProvider(HistoryLoader.Load(HistoryLocator.Find()));
        _intelligence = new MarketIntelligence(_provider, IntelligenceSettings.Default);
        _snapshot = _provider.Snapshot(Day);
    }

    [Benchmark]
    public MarketSnapshot Snapshot() => _provider.Snapshot(Day);

    [Benchmark]
    public AllocationSignal PhaseAndSignal() => _intelligence.Decide(_snapshot).Signal;

    [Benchmark]
    public async Task<IntelReport> AssessDay() => await _intelligence.AssessAsync(Day, null, [], CancellationToken.None);
}
