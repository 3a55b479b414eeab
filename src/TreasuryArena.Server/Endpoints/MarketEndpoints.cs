using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using TreasuryArena.Core.MarketData;
using TreasuryArena.Server.Auth;
using TreasuryArena.Server.Contracts;

namespace TreasuryArena.Server.Endpoints;

/// <summary>
/// Facts about the market history any signed-in member may read: the inception registry (<see cref="Inception"/>),
/// the same list as <c>arena inceptions</c>.
/// </summary>
public static class MarketEndpoints
{
    public static IEndpointRouteBuilder MapMarketEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/market").WithTags("Market").RequireAuthorization(ApiKeyDefaults.MemberPolicy);
        group.MapGet("/inceptions", Inceptions);
        return app;
    }

    public static Ok<InceptionsResponse> Inceptions(MarketHistory history) =>
        TypedResults.Ok(new InceptionsResponse(
            string.Create(CultureInfo.InvariantCulture, $"an asset's inception is the first of {Inception.LiquidDays} consecutive days with a positive close and at least ${Inception.MinDailyVolumeUsd:N0} of reported daily volume; nothing trades it earlier"),
            "before a venue's launch, a position meant for it is credited the US 3-month T-bill rate, not the venue's yield",
            [.. history.Inceptions().Select(i => new AssetInceptionResponse(i.Asset, i.Date, i.FirstData, i.Reason))],
            [.. Inception.Venues.Select(v => new VenueLaunchResponse(v.Venue, v.Name, v.Date, v.Source))]));
}
