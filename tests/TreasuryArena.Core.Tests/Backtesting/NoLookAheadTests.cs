using FsCheck;
using FsCheck.Fluent;
using TreasuryArena.Core.Backtesting;
using TreasuryArena.Core.Strategies;

namespace TreasuryArena.Core.Tests.Backtesting;

public sealed class NoLookAheadTests
{
    public static TheoryData<string> Strategies()
    {
        var data = new TheoryData<string>();
        foreach (var d in StrategyLibrary.All)
        {
            data.Add(d.Name);
        }

        return data;
    }

    /// <summary>
    /// Changing any data after bar t (prices of every asset, MVRV Z, Fear &amp; Greed) never changes a decision
    /// taken at or before t, nor the equity up to t.
    /// </summary>
    [Theory]
    [MemberData(nameof(Strategies))]
    public void Decisions_DataChangedAfterT_UnchangedAtOrBeforeT(string name)
    {
        var strategy = StrategyLibrary.Create(name, name == "ma-trend" ? new Dictionary<string, string> { ["window"] = "30" } : null);
        var property = Prop.ForAll(
            Gen.Choose(40, 250).ToArbitrary(),
            Gen.Choose(1, 1_000_000).ToArbitrary(),
            Gen.Elements(0.2, 0.5, 2.0, 5.0).ToArbitrary(),
            (t, seed, factor) =>
            {
                var original = SyntheticFrames.Create(300, seed);
                var rng = new Random(seed ^ 0x5bd1e995);
                var changed = SyntheticFrames.Create(300, seed, (_, i, v) => i > t ? v * factor * (0.5 + rng.NextDouble()) : v);
                var a = Run(original, strategy);
                var b = Run(changed, strategy);
                var decisionsA = a.Decisions.Where(d => d.Date <= original.Dates[t]).ToList();
                var decisionsB = b.Decisions.Where(d => d.Date <= original.Dates[t]).ToList();
                return decisionsA.Count == decisionsB.Count
                    && decisionsA.Zip(decisionsB).All(p => p.First.Date == p.Second.Date && p.First.Target.SequenceEqual(p.Second.Target))
                    && a.Equity.AsSpan(0, t + 1 - 20).SequenceEqual(b.Equity.AsSpan(0, t + 1 - 20));
            });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(25), property);
    }

    private static BacktestResult Run(BarData frame, IStrategy strategy) =>
        new PortfolioSimulator(frame, strategy, new BacktestOptions { RecordDecisions = true }, 20, frame.Count - 1).Run();
}
