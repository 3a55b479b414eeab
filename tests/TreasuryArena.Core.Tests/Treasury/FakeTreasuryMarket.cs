using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Intelligence;
using TreasuryArena.Core.Treasury;

namespace TreasuryArena.Core.Tests.Treasury;

/// <summary>Synthetic prices: BTC and ETH follow the given functions of the date; the signal is settable.</summary>
internal sealed class FakeTreasuryMarket(TreasuryOptions options, Func<DateOnly, decimal> btc, Func<DateOnly, decimal> eth) : ITreasuryMarket
{
    public DateOnly LatestDate { get; set; } = new(2024, 12, 31);

    public decimal TargetTactical { get; set; } = 0.40m;

    public int SignalConfidence { get; set; } = 70;

    public EmergencyEvent? Emergency { get; set; }

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

    public Task<MarketAssessment> AssessAsync(DateOnly asOf, CancellationToken cancellationToken) =>
        Task.FromResult(new MarketAssessment(
            new MarketView("EARLY_BULL", [new IndicatorReading("mvrv_z", 2.0, "fake", new DateTimeOffset(asOf, TimeOnly.MinValue, TimeSpan.Zero), false, TimeSpan.Zero)], TargetTactical, SignalConfidence, ["test signal"]),
            TargetTactical,
            null,
            Triggers,
            Emergency));
}
