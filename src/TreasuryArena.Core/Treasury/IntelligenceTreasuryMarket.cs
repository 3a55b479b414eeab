using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Intelligence;
using TreasuryArena.Core.Ports;

namespace TreasuryArena.Core.Treasury;

/// <summary>
/// The treasury's market view over the intelligence layer: BTC and ETH marks come from the snapshot's price readings
/// (refused when missing or older than <see cref="TreasuryMarks.MaxPriceAgeDays"/> days), yield positions from their
/// accrual index; the assessment maps the phase, signal and triggers (compared with the previous day's signal, the
/// daily cadence) into the advisor's terms. An emergency trigger becomes an <see cref="EmergencyEvent"/>. The MVRV ladder
/// has memory: the stored <see cref="LadderState"/> is moved on by the day's Z (<see cref="MvrvLadder"/>; in a TOP phase
/// at least one rung) and the target holds every rung sold until Z falls below the re-entry level.
/// A venue is credited its APY only from its launch (<see cref="MarketData.Inception.Venues"/>); before it the position
/// accrues <paramref name="cashRate"/>, the US 3-month T-bill (0 without it), as the backtests' yield model does.
/// </summary>
public sealed class IntelligenceTreasuryMarket(MarketIntelligence intelligence, IMarketDataProvider provider, TreasuryOptions options, MarketData.TimeSeries? cashRate = null) : ITreasuryMarket
{
    public DateOnly LatestDate => provider.LatestDate;

    public async Task<TreasuryMarks> MarksOnAsync(DateOnly date, DateOnly inception, CancellationToken cancellationToken)
    {
        var snapshot = await provider.GetSnapshotAsync(date, cancellationToken);
        var prices = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        var observed = new Dictionary<string, DateOnly>(StringComparer.OrdinalIgnoreCase);
        foreach (var (asset, reading) in new[] { ("BTC", snapshot.BtcPrice), ("ETH", snapshot.EthPrice) })
        {
            if (reading.Value is not { } price || !(price > 0) || reading.AsOf is not { } at || reading.Age is { } age && age > TimeSpan.FromDays(TreasuryMarks.MaxPriceAgeDays))
            {
                throw new ArgumentException(Text.F($"no usable {asset} price on {date:yyyy-MM-dd} ({reading.Note ?? (reading.Age is { } a ? $"{a.TotalDays:0} days old" : "missing")}); the data covers up to {provider.LatestDate:yyyy-MM-dd}"));
            }

            prices[asset] = TreasuryMarks.ToPrice(price);
            observed[asset] = DateOnly.FromDateTime(at.UtcDateTime);
        }

        foreach (var venue in options.EffectiveBaseVenues())
        {
            prices[venue.Asset] = TreasuryMarks.YieldIndex(venue.Apy, MarketData.Inception.Venue(venue.Venue), cashRate, inception, date);
            observed[venue.Asset] = date;
        }

        return new TreasuryMarks(date, prices, observed);
    }

    public async Task<MarketAssessment> AssessAsync(DateOnly asOf, LadderState? ladder, CancellationToken cancellationToken)
    {
        var report = await intelligence.AssessAsync(asOf, current: null, alerts: [], cancellationToken);
        var settings = intelligence.Settings;
        var z = report.Snapshot.MvrvZ.UsableValue(settings.Phase.MaxInputAge);
        var minimum = report.Phase.Phase == MarketPhase.Top ? 1 : 0;
        var held = (ladder ?? LadderState.Empty).Observe(asOf, z, settings.Signal.MvrvThresholds, settings.Signal.LadderReentryZ, minimum);
        var signal = intelligence.Decide(report.Snapshot, held.RungsSold).Signal;
        var wanted = AnalyticsBoundary.ToDecimal(signal.Tactical);
        var target = Math.Min(wanted, options.MaxVolatileShare);
        var reasons = signal.Reasons.ToList();
        if (target < wanted)
        {
            reasons.Add(Text.F($"the signal's {wanted:P0} tactical share is capped at the treasury's {options.MaxVolatileShare:P0} maximum volatile share"));
        }

        var view = new MarketView(signal.Phase.ToWire(), report.Snapshot.All, target, signal.Confidence, reasons);

        // Without a recorded allocation the intelligence compares today's signal with yesterday's, so its drift trigger
        // is signal-to-signal; the treasury adds its own portfolio drift trigger instead. Its rung-to-rung trigger compares
        // stateless ladders and is replaced by the ladder memory's own change (LadderView.TriggerOn).
        var triggers = report.Triggers
            .Where(t => t.Kind != TriggerKind.Drift && t.Code != "mvrv_rung")
            .Select(t => t.Kind == TriggerKind.Emergency ? $"emergency {t.Code}: {t.Message}" : t.Message)
            .ToList();
        var emergency = report.Triggers.FirstOrDefault(t => t.Kind == TriggerKind.Emergency) is { } e ? new EmergencyEvent(e.Code, e.Message) : null;
        decimal? btcShare = signal.Tactical > 0 ? AnalyticsBoundary.ToDecimal(signal.Btc / signal.Tactical) : null;
        return new MarketAssessment(view, target, btcShare, triggers, emergency)
        {
            Ladder = new LadderView(held, settings.Signal.MvrvThresholds.Count, settings.Signal.LadderReentryZ),
        };
    }
}
