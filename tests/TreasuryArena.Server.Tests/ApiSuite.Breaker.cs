using System.Net;
using System.Text.Json.Nodes;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests;

/// <summary>
/// Issue 22's breaker information through the real pipeline: the token info's <c>breaker</c> (state, tripped_at, the NAV
/// that trips it, the rule in words) and the admin's <c>GET /api/admin/breakers</c> row for the same token carry the same
/// Core state, through an admin pause and a resume.
/// </summary>
public abstract partial class ApiSuite
{
    [DbFact]
    public async Task TokenInfoBreaker_AndAdminBreakers_AgreeOnStateAndRule_ThroughPauseAndResume()
    {
        using var admin = Admin();
        await Trading.CreateActiveTokenAsync(admin, "BRKR");
        var org = await Api.OnboardAsync(Factory, "Breaker Info Church");
        using var viewer = Factory.ClientWithKey(org.ViewerKey);

        async Task<(JsonNode Info, JsonNode Row)> BothAsync()
        {
            var (infoStatus, info) = await Api.GetAsync(viewer, "/api/tokens/BRKR/info");
            Assert.Equal(HttpStatusCode.OK, infoStatus);
            var (adminStatus, all) = await Api.GetAsync(admin, "/api/admin/breakers");
            Assert.Equal(HttpStatusCode.OK, adminStatus);
            var row = Assert.Single(all!["tokens"]!.AsArray(), t => t!["symbol"]!.GetValue<string>() == "BRKR")!;
            Assert.Contains("without a new low", all["token_breaker_rule"]!.GetValue<string>(), StringComparison.Ordinal);
            return (info!["breaker"]!, row);
        }

        var (armed, armedRow) = await BothAsync();
        Assert.Equal("armed", armed["state"]!.GetValue<string>());
        Assert.Null(armed["tripped_at"]);
        Assert.StartsWith("trips when the NAV is ", armed["resume_rule"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(armedRow["tripped"]!.GetValue<bool>());
        Assert.Equal(armed.ToJsonString(), armedRow["breaker"]!.ToJsonString()); // one source: the same object in both

        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(admin, "/api/admin/tokens/BRKR/pause", new { reason = "board review" })).Status);
        var (paused, pausedRow) = await BothAsync();
        Assert.Equal("paused_by_admin", paused["state"]!.GetValue<string>());
        Assert.Null(paused["tripped_at"]);
        Assert.Null(paused["trips_at_nav"]);
        Assert.Equal("paused by an admin: no automatic review; an admin resumes it", paused["resume_rule"]!.GetValue<string>());
        Assert.False(pausedRow["tripped"]!.GetValue<bool>()); // an admin's pause is not a breaker trip
        Assert.Equal("board review", pausedRow["reason"]!.GetValue<string>());
        Assert.Equal(paused.ToJsonString(), pausedRow["breaker"]!.ToJsonString());

        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(admin, "/api/admin/tokens/BRKR/resume", new { reason = "reviewed" })).Status);
        var (resumed, _) = await BothAsync();
        Assert.Equal("armed", resumed["state"]!.GetValue<string>());
        Assert.Null(resumed["paused_on"]);
    }
}
