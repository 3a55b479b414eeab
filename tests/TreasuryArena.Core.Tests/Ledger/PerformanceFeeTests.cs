using TreasuryArena.Core.Common;
using TreasuryArena.Core.Fees;
using TreasuryArena.Core.Ledger;
using static TreasuryArena.Core.Tests.Ledger.LedgerTestKit;

namespace TreasuryArena.Core.Tests.Ledger;

/// <summary>
/// Earned performance fees (docs/readme/02-ledger.md, "Performance fee"): the high-water mark starts at the NAV of the
/// first subscription and restarts when an emptied fund is refilled; crystallisation is at the period's last NAV day;
/// a T-bill hurdle raises the mark. Only the performance fee is charged here (no trade or management fee), so every
/// figure is the performance fee alone.
/// </summary>
public sealed class PerformanceFeeTests
{
    private static readonly FeeSchedule PerformanceOnly = new(0m, 0m, 0.10m, CrystallisationSchedule.Quarterly);
    private static readonly DateOnly QuarterEnd = new(2026, 3, 31);

    [Fact]
    public async Task FirstSubscription_AboveInceptionNav_MarkStartsAtTheSubscriptionNav()
    {
        await using var ledger = LedgerService.InMemory(new LedgerFakeTime());
        var w = await WalletAsync(ledger, "w1", 10_000m);
        await TokenAsync(ledger, "ALPHA", PerformanceOnly); // inception NAV 1.00
        Assert.True((await ledger.RevalueAsync("ALPHA", UnitPrice.Of(1.30m), "n0")).Accepted); // paper track while empty
        Assert.True((await ledger.BuyAsync(w, "ALPHA", Money.Usd(10_000m), "b")).Accepted);
        var token = ledger.GetToken("ALPHA")!;
        Assert.Equal(1.30m, token.Token.HighWaterMark.Value);
        Assert.Equal(7_692.30769230m, token.Supply.Value); // floor₈(10,000 / 1.30)

        Assert.True((await ledger.RevalueAsync("ALPHA", UnitPrice.Of(1.40m), "n1")).Accepted);
        var r = await ledger.AccrueFeesAsync("ALPHA", QuarterEnd, "f");

        // GAV floor₂(1.40 × 7,692.30769230) = 10,769.23; gain over the mark 10,769.23 − 1.30 × 7,692.30769230 = 769.23000001;
        // 10% = 76.92. A mark at the inception NAV (1.00) would have charged floor₂(3,076.92230770 × 10%) = 307.69.
        Assert.Equal(76.92m, r.PerformanceFee.Amount);
        token = ledger.GetToken("ALPHA")!;
        Assert.Equal(RoundingPolicy.PriceUp((10_769.23m - 76.92m) / 7_692.30769230m), token.Token.HighWaterMark.Value);
        Assert.Equal(QuarterEnd, token.Token.HighWaterMarkDate);
    }

    [Fact]
    public async Task FirstSubscription_BelowInceptionNav_GainAboveTheEntryNavIsCharged()
    {
        await using var ledger = LedgerService.InMemory(new LedgerFakeTime());
        var w = await WalletAsync(ledger, "w1", 10_000m);
        await TokenAsync(ledger, "ALPHA", PerformanceOnly);
        Assert.True((await ledger.RevalueAsync("ALPHA", UnitPrice.Of(0.80m), "n0")).Accepted);
        Assert.True((await ledger.BuyAsync(w, "ALPHA", Money.Usd(10_000m), "b")).Accepted);
        Assert.Equal(0.80m, ledger.GetToken("ALPHA")!.Token.HighWaterMark.Value);
        Assert.Equal(12_500m, ledger.GetToken("ALPHA")!.Supply.Value);

        Assert.True((await ledger.RevalueAsync("ALPHA", UnitPrice.Of(0.90m), "n1")).Accepted);
        var r = await ledger.AccrueFeesAsync("ALPHA", QuarterEnd, "f");

        // GAV 11,250; gain over 0.80 × 12,500 = 1,250; 10% = 125.00. With the inception mark (1.00) the holder's
        // 12.5% gain would have gone free of fee until the NAV passed 1.00.
        Assert.Equal(125.00m, r.PerformanceFee.Amount);
        Assert.Equal(RoundingPolicy.PriceUp(11_125m / 12_500m), ledger.GetToken("ALPHA")!.Token.HighWaterMark.Value);
    }

    [Fact]
    public async Task FundEmptiedAndRefilled_MarkRestartsAtTheRefillNav()
    {
        await using var ledger = LedgerService.InMemory(new LedgerFakeTime());
        var first = await WalletAsync(ledger, "w1", 10_000m);
        var second = await WalletAsync(ledger, "w2", 12_000m);
        await TokenAsync(ledger, "ALPHA", PerformanceOnly);
        Assert.True((await ledger.BuyAsync(first, "ALPHA", Money.Usd(10_000m), "b1")).Accepted);
        Assert.True((await ledger.RevalueAsync("ALPHA", UnitPrice.Of(1.50m), "n1")).Accepted);
        Assert.Equal(500.00m, (await ledger.AccrueFeesAsync("ALPHA", QuarterEnd, "f1")).PerformanceFee.Amount);
        Assert.Equal(1.45m, ledger.GetToken("ALPHA")!.Token.HighWaterMark.Value);

        // Every holder leaves; the paper NAV falls to 1.20 while the fund is empty; a new holder subscribes.
        Assert.True((await ledger.SellAsync(first, "ALPHA", Shares.Of(10_000m), "s1")).Accepted);
        Assert.True(ledger.GetToken("ALPHA")!.Supply.IsZero);
        Assert.True((await ledger.RevalueAsync("ALPHA", UnitPrice.Of(1.20m), "n2")).Accepted);
        Assert.True((await ledger.BuyAsync(second, "ALPHA", Money.Usd(12_000m), "b2")).Accepted);
        var token = ledger.GetToken("ALPHA")!.Token;
        Assert.Equal(1.20m, token.HighWaterMark.Value);
        Assert.Equal(QuarterEnd, token.HighWaterMarkDate); // the NAV date the refill was priced at

        Assert.True((await ledger.RevalueAsync("ALPHA", UnitPrice.Of(1.32m), "n3")).Accepted);
        var r = await ledger.AccrueFeesAsync("ALPHA", new DateOnly(2026, 6, 30), "f2");

        // 10,000 shares: GAV 13,200, gain over 1.20 = 1,200, 10% = 120.00. The old fund-level mark (1.45) would have
        // charged the new holder nothing on a 10% gain, and charged them on the way back up from 1.20 to 1.45 never.
        Assert.Equal(120.00m, r.PerformanceFee.Amount);
    }

    [Fact]
    public async Task Crystallisation_IsOnTheQuarterEndNav_NotTheNextQuartersFirstDay()
    {
        await using var ledger = LedgerService.InMemory(new LedgerFakeTime());
        var w = await WalletAsync(ledger, "w1", 10_000m);
        await TokenAsync(ledger, "ALPHA", PerformanceOnly);
        Assert.True((await ledger.BuyAsync(w, "ALPHA", Money.Usd(10_000m), "b")).Accepted);
        Assert.True((await ledger.RevalueAsync("ALPHA", UnitPrice.Of(1.10m), "n30")).Accepted);
        Assert.Equal(0m, (await ledger.AccrueFeesAsync("ALPHA", new DateOnly(2026, 3, 30), "f30")).PerformanceFee.Amount);
        Assert.True((await ledger.RevalueAsync("ALPHA", UnitPrice.Of(1.20m), "n31")).Accepted);
        Assert.Equal(200.00m, (await ledger.AccrueFeesAsync("ALPHA", QuarterEnd, "f31")).PerformanceFee.Amount); // at 1.20, the quarter-end NAV
        Assert.Equal(QuarterEnd, ledger.GetToken("ALPHA")!.Token.LastCrystallisationDate);
        Assert.True((await ledger.RevalueAsync("ALPHA", UnitPrice.Of(1.50m), "n01")).Accepted);
        Assert.Equal(0m, (await ledger.AccrueFeesAsync("ALPHA", new DateOnly(2026, 4, 1), "f01")).PerformanceFee.Amount); // not at the next day's 1.50
    }

    [Fact]
    public async Task QuarterEndWithoutPrice_ClosingAccrual_CrystallisesOnTheLastNavDayOnce()
    {
        await using var ledger = LedgerService.InMemory(new LedgerFakeTime());
        var w = await WalletAsync(ledger, "w1", 10_000m);
        await TokenAsync(ledger, "ALPHA", PerformanceOnly);
        Assert.True((await ledger.BuyAsync(w, "ALPHA", Money.Usd(10_000m), "b")).Accepted);
        Assert.True((await ledger.RevalueAsync("ALPHA", UnitPrice.Of(1.10m), "n27")).Accepted);
        Assert.True((await ledger.AccrueFeesAsync("ALPHA", new DateOnly(2026, 3, 27), "f27")).Accepted);

        // 27 March is the quarter's last NAV day (no price after it in the quarter): the NAV engine closes the quarter on it.
        var close = await ledger.AccrueFeesAsync("ALPHA", new DateOnly(2026, 3, 27), "close", 0m, closesPeriod: true);
        Assert.Equal(100.00m, close.PerformanceFee.Amount);
        Assert.Equal(QuarterEnd, ledger.GetToken("ALPHA")!.Token.LastCrystallisationDate);
        Assert.Equal(new DateOnly(2026, 3, 27), ledger.GetToken("ALPHA")!.Token.HighWaterMarkDate);

        // A price for the 31st arriving later does not crystallise the quarter again.
        Assert.True((await ledger.RevalueAsync("ALPHA", UnitPrice.Of(1.30m), "n31")).Accepted);
        Assert.Equal(0m, (await ledger.AccrueFeesAsync("ALPHA", QuarterEnd, "f31")).PerformanceFee.Amount);
    }

    [Fact]
    public async Task Hurdle_NoneAgainstTBill_TBillChargesOnlyTheGainAboveTheGrownMark()
    {
        await using var ledger = LedgerService.InMemory(new LedgerFakeTime());
        var w = await WalletAsync(ledger, "w1", 20_000m);
        await TokenAsync(ledger, "PLAIN", PerformanceOnly);
        await TokenAsync(ledger, "HURDLE", PerformanceOnly.WithHurdle(PerformanceHurdle.TBill));
        Assert.True((await ledger.BuyAsync(w, "PLAIN", Money.Usd(10_000m), "b1")).Accepted);
        Assert.True((await ledger.BuyAsync(w, "HURDLE", Money.Usd(10_000m), "b2")).Accepted);

        // A 5% T-bill discount rate all quarter: 0.05 / (360 − 91 × 0.05) a day, accrued daily from 2 January to 31 March.
        var rate = FeeCalculator.TBillDailyRate(0.05m);
        var expectedIndex = 1m;
        for (var day = Inception.AddDays(1); day <= QuarterEnd; day = day.AddDays(1))
        {
            if (day == QuarterEnd)
            {
                Assert.True((await ledger.RevalueAsync("PLAIN", UnitPrice.Of(1.10m), "np")).Accepted);
                Assert.True((await ledger.RevalueAsync("HURDLE", UnitPrice.Of(1.10m), "nh")).Accepted);
            }

            var key = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var p = await ledger.AccrueFeesAsync("PLAIN", day, "p" + key, rate, closesPeriod: false);
            var h = await ledger.AccrueFeesAsync("HURDLE", day, "h" + key, rate, closesPeriod: false);
            Assert.True(p.Accepted && h.Accepted);
            expectedIndex = Math.Round(expectedIndex * (1m + rate), 12, MidpointRounding.ToPositiveInfinity);
            if (day == QuarterEnd)
            {
                Assert.Equal(100.00m, p.PerformanceFee.Amount); // no hurdle: 10% of (11,000 − 10,000)

                // 89 days at 5.13%/yr: the mark is 1.01261… a share; gain (11,000 − mark × 10,000) × 10%.
                var mark = Math.Round(expectedIndex, 8, MidpointRounding.ToPositiveInfinity);
                Assert.InRange(mark, 1.0125m, 1.0127m);
                var expected = Math.Round((11_000m - (mark * 10_000m)) * 0.10m, 2, MidpointRounding.ToNegativeInfinity);
                Assert.Equal(expected, h.PerformanceFee.Amount);
                Assert.InRange(h.PerformanceFee.Amount, 87.30m, 87.50m);
            }
        }

        var hurdle = ledger.GetToken("HURDLE")!.Token;
        Assert.Equal(1m, hurdle.HurdleIndex); // restarted with the mark after the fee
        Assert.Equal(QuarterEnd, hurdle.HighWaterMarkDate);
        Assert.Equal(1m, ledger.GetToken("PLAIN")!.Token.HurdleIndex); // no hurdle: never grows
    }
}
