using Microsoft.Extensions.Configuration;
using TreasuryArena.Infrastructure.Configuration;

namespace TreasuryArena.Infrastructure.Tests.Configuration;

public sealed class ConfigurationCheckTests
{
    private static IReadOnlyList<ConfigurationWarning> Check(Dictionary<string, string?> settings) =>
        ConfigurationCheck.Check(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), TreasuryArenaServiceCollectionExtensions.Sections);

    [Fact]
    public void Check_MisspeltKey_NamesTheKeyAndTheNearestKnownKey()
    {
        var warnings = Check(new() { ["Arena:WebhookUrll"] = "https://example.org/hook" });

        var warning = Assert.Single(warnings);
        Assert.Equal("Arena:WebhookUrll", warning.Key);
        Assert.Equal("Arena:WebhookUrl", warning.Suggestion);
        Assert.Contains("'Arena:WebhookUrll'", warning.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'Arena:WebhookUrl'", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MisspeltNestedSectionAndTopLevelSection_AreReported()
    {
        var warnings = Check(new()
        {
            ["Tokens:Lifecycel:MinSharpe"] = "1",
            ["Arnea:Database"] = "x.db",
            ["Wallets:Optimizer:Conservative:VolatilityCeilling"] = "0.1",
        });

        Assert.Equal(3, warnings.Count);
        Assert.Contains(warnings, w => w.Key == "Tokens:Lifecycel" && w.Suggestion == "Tokens:Lifecycle");
        Assert.Contains(warnings, w => w.Key == "Arnea" && w.Suggestion == "Arena");
        Assert.Contains(warnings, w => w.Key == "Wallets:Optimizer:Conservative:VolatilityCeilling" && w.Suggestion == "Wallets:Optimizer:Conservative:VolatilityCeiling");
    }

    [Fact]
    public void Check_ValidConfiguration_ReportsNothing()
    {
        var warnings = Check(new()
        {
            ["Arena:Database"] = "data/arena.db",
            ["Arena:HoldTradeAboveUsd"] = "10000",
            ["arena:idempotencywindowminutes"] = "60",
            ["Notifications:WebhookUrl"] = "https://example.org/hook",
            ["Tokens:Lifecycle:BreakerFloor"] = "0.25",
            ["Wallets:Optimizer:Conservative:VolatilityCeiling"] = "0.12",
            ["Wallets:Optimizer:Sizing:TradeFeeRate"] = "0.01",
            ["Wallets:Proposals:Lifetime"] = "2.00:00:00",
            ["Treasury:InitialCapital"] = "500000",
            ["Treasury:MvrvThresholds:0"] = "3.5",
            ["Treasury:BaseVenues:0:Asset"] = "AAVE-USDC",
            ["Treasury:BaseVenues:0:Venue"] = "aave",
            ["Treasury:ComplianceHolds:0"] = "ETH",
            ["Advisor:Rules:CoolDownDays"] = "5",
            ["Anthropic:ApiKey"] = "sk-test",
            ["MarketData:Mode"] = "history",
            ["MarketData:CoinGecko:ApiKey"] = "k",
            ["MarketData:DefiLlama:Projects:0"] = "aave-v3",
            ["Http:Resilience:MaxRetries"] = "2",
            // Not ours to judge: environment variables and framework sections.
            ["PATH"] = "/usr/bin",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:1",
        });

        Assert.Empty(warnings);
    }

    [Fact]
    public void Check_DeprecatedWebhookKey_IsReportedWithItsReplacement()
    {
        var warning = Assert.Single(Check(new() { ["Arena:WebhookUrl"] = "https://example.org/hook" }));

        Assert.Equal("Arena:WebhookUrl", warning.Key);
        Assert.Equal("Notifications:WebhookUrl", warning.Suggestion);
        Assert.Contains("deprecated", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_HostSectionAdded_ItsKeysAreKnown()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Arena:RateLimitBurst"] = "5" }).Build();

        Assert.Single(ConfigurationCheck.Check(configuration, TreasuryArenaServiceCollectionExtensions.Sections));
        Assert.Empty(ConfigurationCheck.Check(configuration, [.. TreasuryArenaServiceCollectionExtensions.Sections, new KnownSection("Arena", typeof(ServerKeys))]));
    }

    [Theory]
    [InlineData("Arena", "Arnea", 1)]
    [InlineData("WebhookUrl", "WebhookUrll", 1)]
    [InlineData("Lifecycle", "Lifecycel", 1)]
    [InlineData("Arena", "Arena", 0)]
    public void Distance_CountsATranspositionAsOneEdit(string a, string b, int expected) => Assert.Equal(expected, ConfigurationCheck.Distance(a, b));

    private sealed class ServerKeys
    {
        public int RateLimitBurst { get; set; }
    }
}
