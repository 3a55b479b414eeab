using TreasuryArena.Core.Common;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Identity;

namespace TreasuryArena.Core.Tests.Compliance;

public sealed class ComplianceRulesTests
{
    private static readonly MonitoringRules Rules = new() { MaxTradeUsd = 25_000m, MaxWalletFraction = 0.25m, MaxTradesPerDay = 3 };

    private static ComplianceSnapshot Ready(int tradesToday = 0, bool halted = false, OrganisationStatus? status = OrganisationStatus.Verified, string? attested = "v1") =>
        new(status, "v1", attested, halted, tradesToday);

    private static TradeIntent Trade(decimal usd, decimal wallet = 1_000_000m, OrderSide side = OrderSide.Buy, TradeSource source = TradeSource.Api) =>
        new(Guid.NewGuid(), "w1", "ABC", side, usd, wallet, "tester", source, () => "{}");

    [Fact]
    public void Evaluate_VerifiedAttestedSmallTrade_Allows() =>
        Assert.Equal(RuleOutcomeKind.Allow, ComplianceRules.Evaluate(Ready(), Trade(1_000m), Rules).Kind);

    [Fact]
    public void Evaluate_PlatformHalted_RefusesEvenSells()
    {
        var outcome = ComplianceRules.Evaluate(Ready(halted: true), Trade(10m, side: OrderSide.Sell), Rules);
        Assert.Equal(RuleOutcomeKind.Refuse, outcome.Kind);
        Assert.Equal("platform_halted", outcome.Code);
    }

    [Theory]
    [InlineData(OrganisationStatus.Pending)]
    [InlineData(OrganisationStatus.Rejected)]
    public void Evaluate_UnverifiedOrganisation_Refuses(OrganisationStatus status) =>
        Assert.Equal("organisation_not_verified", ComplianceRules.Evaluate(Ready(status: status), Trade(10m), Rules).Code);

    [Fact]
    public void Evaluate_BuyWithStaleAttestation_RefusesButSellAllowed()
    {
        var stale = Ready(attested: "v0");
        Assert.Equal("attestation_required", ComplianceRules.Evaluate(stale, Trade(10m), Rules).Code);
        Assert.Equal(RuleOutcomeKind.Allow, ComplianceRules.Evaluate(stale, Trade(10m, side: OrderSide.Sell), Rules).Kind);
    }

    [Fact]
    public void Evaluate_TradeAboveSingleLimit_Holds()
    {
        var outcome = ComplianceRules.Evaluate(Ready(), Trade(25_000.01m), Rules);
        Assert.Equal(RuleOutcomeKind.Hold, outcome.Kind);
        Assert.Contains(outcome.Reasons, r => r.Contains("single-trade limit", StringComparison.Ordinal));
        Assert.Equal(RuleOutcomeKind.Allow, ComplianceRules.Evaluate(Ready(), Trade(25_000m), Rules).Kind);
    }

    [Fact]
    public void Evaluate_TradeAboveWalletFraction_Holds()
    {
        Assert.Equal(RuleOutcomeKind.Hold, ComplianceRules.Evaluate(Ready(), Trade(2_501m, wallet: 10_000m), Rules).Kind);
        Assert.Equal(RuleOutcomeKind.Allow, ComplianceRules.Evaluate(Ready(), Trade(2_500m, wallet: 10_000m), Rules).Kind);
    }

    [Fact]
    public void Evaluate_TooManyTradesToday_Holds()
    {
        Assert.Equal(RuleOutcomeKind.Allow, ComplianceRules.Evaluate(Ready(tradesToday: 2), Trade(10m), Rules).Kind);
        Assert.Equal(RuleOutcomeKind.Hold, ComplianceRules.Evaluate(Ready(tradesToday: 3), Trade(10m), Rules).Kind);
    }

    [Fact]
    public void Evaluate_ReleasedHold_SkipsMonitoringButNotHalt()
    {
        Assert.Equal(RuleOutcomeKind.Allow, ComplianceRules.Evaluate(Ready(), Trade(90_000m, source: TradeSource.HoldRelease), Rules).Kind);
        Assert.Equal(RuleOutcomeKind.Refuse, ComplianceRules.Evaluate(Ready(halted: true), Trade(90_000m, source: TradeSource.HoldRelease), Rules).Kind);
    }

    [Fact]
    public void WalletDrawdownTrips_BeyondThreshold_True()
    {
        Assert.True(ComplianceRules.WalletDrawdownTrips(100m, 84m, 0.15m));
        Assert.False(ComplianceRules.WalletDrawdownTrips(100m, 85m, 0.15m));
        Assert.False(ComplianceRules.WalletDrawdownTrips(0m, 0m, 0.15m));
    }
}
