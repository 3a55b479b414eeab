using TreasuryArena.Core.Intelligence;
using TreasuryArena.Core.MarketData;
using TreasuryArena.Core.Treasury;
using TreasuryArena.Infrastructure.MarketData;
using TreasuryArena.Infrastructure.MarketData.History;

namespace TreasuryArena.Infrastructure.Tests.MarketData;

/// <summary>The treasury's marks on the shipped history: a venue earns the T-bill before its launch, its APY after.</summary>
public sealed class TreasuryVenueLaunchTests
{
    private static readonly MarketHistory History = HistoryLoader.Load(HistoryLocator.Find());

    private static IntelligenceTreasuryMarket Market(TimeSeries? cashRate)
    {
        var provider = new HistoryMarketDataProvider(History);
        return new IntelligenceTreasuryMarket(new MarketIntelligence(provider, IntelligenceSettings.Default), provider, new TreasuryOptions(), cashRate);
    }

    [Fact]
    public async Task MarksOn_TreasuryStartedIn2019_VenuesCreditedTheTBillUntilTheirLaunch()
    {
        var inception = new DateOnly(2019, 1, 1);
        var marks = await Market(History.TBill3m).MarksOnAsync(new DateOnly(2020, 1, 1), inception, CancellationToken.None);

        // 2019 before any launch: every venue grew at the T-bill (about 2.1% that year), not at 4.5% / 7% / 5%.
        foreach (var asset in new[] { "AAVE-USDC", "PENDLE-PT", "CURVE-LP" })
        {
            Assert.InRange(marks.PriceOf(asset), 1.015m, 1.03m);
        }

        // Pendle (launched 2021-06-17) a year after its launch: the T-bill index to the launch × 1.07.
        var pendle = Inception.Venue("pendle")!;
        var later = await Market(History.TBill3m).MarksOnAsync(pendle.Date.AddDays(365), inception, CancellationToken.None);
        var atLaunch = await Market(History.TBill3m).MarksOnAsync(pendle.Date, inception, CancellationToken.None);
        Assert.Equal(atLaunch.PriceOf("PENDLE-PT") * 1.07m, later.PriceOf("PENDLE-PT"), 8);
        Assert.True(atLaunch.PriceOf("PENDLE-PT") < TreasuryMarks.YieldIndex(0.07m, inception, pendle.Date));
    }

    [Fact]
    public async Task MarksOn_TreasuryStartedAfterEveryLaunch_ClosedFormUnchanged()
    {
        var inception = new DateOnly(2022, 1, 1);
        var day = new DateOnly(2023, 1, 1);
        var marks = await Market(History.TBill3m).MarksOnAsync(day, inception, CancellationToken.None);

        Assert.Equal(TreasuryMarks.YieldIndex(0.045m, inception, day), marks.PriceOf("AAVE-USDC"));
        Assert.Equal(TreasuryMarks.YieldIndex(0.07m, inception, day), marks.PriceOf("PENDLE-PT"));
    }
}
