using Microsoft.Extensions.DependencyInjection;
using TreasuryArena.Core.Advice;
using TreasuryArena.Infrastructure.Advice;
using TreasuryArena.Infrastructure.Storage;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests.Parity;

/// <summary>Issue 19: the wallet advisor reads <c>Advisor:Rules</c> as the treasury's advisor does (it was hard-wired to the defaults).</summary>
public sealed class WalletAdvisorConfigurationTests : ServerTestBase
{
    protected override bool UsePostgres => false;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Advisor:Rules:ExpectedEdge"] = "0.2",
        ["Advisor:Rules:CoolDownDays"] = "3",
    };

    [Fact]
    public void WalletAdvisor_ConfiguredRules_SameAsTreasuryAdvisor()
    {
        var wallet = Assert.IsType<RuleAdvisor>(Factory.Services.GetRequiredService<TokensRuntime>().Advisor);
        var treasury = Factory.Services.GetRequiredService<TreasuryConfiguration>().Rules;
        Assert.Equal(0.2m, wallet.Options.ExpectedEdge);
        Assert.Equal(3, wallet.Options.CoolDownDays);
        Assert.Equal(treasury.ExpectedEdge, wallet.Options.ExpectedEdge);
        Assert.Equal(treasury.CoolDownDays, wallet.Options.CoolDownDays);
    }
}
