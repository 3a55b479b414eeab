using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using TreasuryArena.Core.MarketData;
using TreasuryArena.Core.Ports;
using TreasuryArena.Server.Auth;
using TreasuryArena.Server.Contracts;

namespace TreasuryArena.Server.Endpoints;

/// <summary>
/// Facts about the market history any signed-in member may read: the inception registry (<see cref="Inception"/>),
/// the same list as <c>arena inceptions</c>; and the business clock (<c>/api/market/clock</c>: the platform date).
/// </summary>
public static class MarketEndpoints
{
    public static IEndpointRouteBuilder MapMarketEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/market").WithTags("Market").RequireAuthorization(ApiKeyDefaults.MemberPolicy);
        group.MapGet("/inceptions", Inceptions);
        group.MapGet("/clock", Clock);
        return app;
    }

    /// <summary>The platform date and why: the business clock's mode and each priced asset's last close.</summary>
    public static Ok<MarketClockResponse> Clock(IBusinessClock clock, MarketHistory history) =>
        TypedResults.Ok(new MarketClockResponse(
            clock.Today,
            clock.Mode,
            clock.Mode == BusinessClock.LiveMode
                ? "live mode: the platform date is today (UTC)"
                : "history mode: the platform date is the last day on which every priced asset has a close (never after today); NAV steps, fee accruals, statements and ledger valuation dates stop there",
            history.LastCommonDate,
            [.. MarketHistory.TradableAssets.Select(a => new AssetLastCloseResponse(a, history.Asset(a)!.Closes.Last))]));

    public static Ok<InceptionsResponse> Inceptions(MarketHistory history) =>
        TypedResults.Ok(new InceptionsResponse(
            string.Create(CultureInfo.InvariantCulture, $"an asset's inception is the first of {Inception.LiquidDays} consecutive days with a positive close and at least ${Inception.MinDailyVolumeUsd:N0} of reported daily volume; nothing trades it earlier"),
            "before a venue's launch, a position meant for it is credited the US 3-month T-bill rate, not the venue's yield",
            [.. history.Inceptions().Select(i => new AssetInceptionResponse(i.Asset, i.Date, i.FirstData, i.Reason))],
            [.. Inception.Venues.Select(v => new VenueLaunchResponse(v.Venue, v.Name, v.Date, v.Source))]));
}
