using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Intelligence;
using TreasuryArena.Core.Treasury;

namespace TreasuryArena.Core.Tests.Treasury;

/// <summary>
/// Synthetic prices: BTC and ETH follow the given functions of the date; the signal is settable. With
/// <see cref="MvrvZ"/> set, the target follows the MVRV ladder with memory (3.5 / 5 / 7 / 9, re-entry below 1, a quarter
/// of the 40% sleeve per rung), continued from the treasury's stored ladder as the real market does.
/// </summary>
internal sealed class FakeTreasuryMarket(TreasuryOptions options, Func<DateOnly, decimal> btc, Func<DateOnly, decimal> eth) : ITreasuryMarket
{
    public static readonly double[] Thresholds = [3.5, 5.0, 7.0, 9.0];

    public DateOnly LatestDate { get; set; } = new(2024, 12, 31);

    public decimal TargetTactical { get; set; } = 0.40m;

    public int SignalConfidence { get; set; } = 70;

    public EmergencyEvent? Emergency { get; set; }

    public Func<DateOnly, double?>? MvrvZ { get; set; }

    public List<string> Triggers { get; } = [];

    public Task<TreasuryMarks> MarksOnAsync(DateOnly date, DateOnly inception, CancellationToken cancellationToken) => Task.FromResult(MarksOn(date, inception));

    public TreasuryMarks MarksOn(DateOnly date, DateOnly inception)
    {
        if (date > LatestDate)
        {
            throw new ArgumentException("no data");
        }

        var prices = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase) { ["BTC"] = btc(date), ["ETH"] = eth(date) };
        foreach (var v in options.EffectiveBaseVenues())
        {
            prices[v.Asset] = TreasuryMarks.YieldIndex(v.Apy, inception, date);
        }

        return new TreasuryMarks(date, prices, prices.Keys.ToDictionary(k => k, _ => date));
    }

    public Task<MarketAssessment> AssessAsync(DateOnly asOf, LadderState? ladder, CancellationToken cancellationToken)
    {
        var target = TargetTactical;
        LadderView? view = null;
        var z = MvrvZ?.Invoke(asOf) ?? 2.0;
        if (MvrvZ is not null)
        {
            var held = (ladder ?? LadderState.Empty).Observe(asOf, MvrvZ(asOf), Thresholds, 1.0);
            view = new LadderView(held, Thresholds.Length, 1.0);
            target = 0.40m * (1m - (held.RungsSold * 0.25m));
        }

        return Task.FromResult(new MarketAssessment(
            new MarketView("EARLY_BULL", [new IndicatorReading("mvrv_z", z, "fake", new DateTimeOffset(asOf, TimeOnly.MinValue, TimeSpan.Zero), false, TimeSpan.Zero)], target, SignalConfidence, ["test signal"]),
            target,
            null,
            Triggers,
            Emergency)
        {
            Ladder = view,
        });
    }
}
