using TreasuryArena.Core.Common;
using TreasuryArena.Core.Wallets.Optimization;
using TreasuryArena.Core.Wallets.Proposals;

namespace TreasuryArena.Core.Tests.WalletOptimization;

/// <summary>A HYBRID proposal stays approvable only while pending, unexpired and with every quoted NAV within tolerance.</summary>
public sealed class ProposalValidityTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly ProposalPolicy Policy = new();

    private static WalletProposal Proposal(ProposalStatus status = ProposalStatus.Pending) => new(
        Guid.NewGuid(), "w1", new DateOnly(2026, 11, 1), Created, Created + Policy.Lifetime,
        new Dictionary<string, decimal> { ["AAA"] = 0.2m, ["BBB"] = 0.2m },
        [new RebalanceOrder("AAA", OrderSide.Sell, 10m, 100m, 1m, 10m), new RebalanceOrder("BBB", OrderSide.Buy, 5m, 100m, 1m, 20m)],
        "test", status);

    [Fact]
    public void Check_FreshAndNavsWithinTolerance_Valid()
    {
        var navs = new Dictionary<string, decimal> { ["AAA"] = 10.49m, ["BBB"] = 19.01m };
        Assert.Null(ProposalValidity.Check(Proposal(), Created + TimeSpan.FromHours(71), navs, Policy));
    }

    [Fact]
    public void Check_AfterLifetime_ExpiredByTime()
    {
        var navs = new Dictionary<string, decimal> { ["AAA"] = 10m, ["BBB"] = 20m };
        var reason = ProposalValidity.Check(Proposal(), Created + Policy.Lifetime, navs, Policy);
        Assert.NotNull(reason);
        Assert.Contains("expired at 2026-11-05 09:00Z", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10.51)] // +5.1 %
    [InlineData(9.49)] // −5.1 %
    public void Check_QuotedNavMovedMoreThanTolerance_Invalid(double aaa)
    {
        var navs = new Dictionary<string, decimal> { ["AAA"] = (decimal)aaa, ["BBB"] = 20m };
        var reason = ProposalValidity.Check(Proposal(), Created + TimeSpan.FromHours(1), navs, Policy);
        Assert.NotNull(reason);
        Assert.StartsWith("AAA's NAV moved 5.1 % since the proposal", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TokenWithoutNav_Invalid()
    {
        var reason = ProposalValidity.Check(Proposal(), Created, new Dictionary<string, decimal> { ["AAA"] = 10m }, Policy);
        Assert.Equal("BBB has no current NAV", reason);
    }

    [Theory]
    [InlineData(ProposalStatus.Rejected, "rejected")]
    [InlineData(ProposalStatus.Executed, "executed")]
    [InlineData(ProposalStatus.Expired, "expired")]
    public void Check_AlreadyDecided_Invalid(ProposalStatus status, string word)
    {
        var navs = new Dictionary<string, decimal> { ["AAA"] = 10m, ["BBB"] = 20m };
        Assert.Equal($"the proposal is already {word}", ProposalValidity.Check(Proposal(status), Created, navs, Policy));
    }
}
