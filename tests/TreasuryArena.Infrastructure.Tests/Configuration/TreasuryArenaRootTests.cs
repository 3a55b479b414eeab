using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TreasuryArena.Core.Audit;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Ports;
using TreasuryArena.Infrastructure.Configuration;
using TreasuryArena.Infrastructure.Notifications;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Infrastructure.Tests.Configuration;

public sealed class TreasuryArenaRootTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddTreasuryArena(configuration);
        return services.BuildServiceProvider();
    }

    [Theory]
    [InlineData("Arena:HoldTradeAboveWalletFraction", "2", "Arena:HoldTradeAboveWalletFraction")]
    [InlineData("Notifications:WebhookUrl", "not a url", "Notifications:WebhookUrl")]
    [InlineData("Notifications:Email:Host", "smtp.example.org", "Notifications:Email:From")]
    [InlineData("Notifications:Email:To", "ops@example.org", "Notifications:Email:Host")]
    [InlineData("Notifications:Telegram:ChatId", "-100123", "Notifications:Telegram:BotToken")]
    [InlineData("Notifications:Telegram:BaseUrl", "api.telegram.org", "Notifications:Telegram:BaseUrl")]
    [InlineData("Notifications:Kinds:0", "trade_hold", "Notifications:Kinds")]
    [InlineData("Notifications:Expiry", "00:00:00", "Notifications:Expiry")]
    [InlineData("Notifications:InitialBackoff", "02:00:00", "Notifications:InitialBackoff")]
    [InlineData("Tokens:Lifecycle:BreakerFloor", "0.9", "BreakerFloor")]
    [InlineData("Wallets:Proposals:MaxNavMove", "0", "Wallets:Proposals:MaxNavMove")]
    [InlineData("Treasury:InitialCapital", "-1", "Treasury:InitialCapital")]
    [InlineData("Anthropic:MaxTokens", "1", "Anthropic:MaxTokens")]
    [InlineData("MarketData:Mode", "later", "MarketData:Mode")]
    [InlineData("Http:Resilience:MaxRetries", "99", "Http:Resilience:MaxRetries")]
    public void Validate_BadValue_FailsAtStartNamingTheKey(string key, string value, string named)
    {
        using var provider = Build(new() { [key] = value });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(ex.Failures, f => f.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_Defaults_Pass()
    {
        using var provider = Build([]);

        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void Monitoring_ReadsTheArenaSection()
    {
        using var provider = Build(new() { ["Arena:HoldTradeAboveUsd"] = "1234", ["Arena:HoldLifetimeHours"] = "5" });

        var rules = provider.GetRequiredService<MonitoringRules>();
        Assert.Equal(1234m, rules.MaxTradeUsd);
        Assert.Equal(TimeSpan.FromHours(5), rules.HoldLifetime);
        Assert.Equal(TimeSpan.FromHours(5), provider.GetRequiredService<TokensSettings>().Monitoring.HoldLifetime);
    }

    [Fact]
    public async Task Resolve_OneLedgerAndOneAuditWriter_SharedByTheTokensRuntime()
    {
        var directory = Path.Combine(Path.GetTempPath(), "arena-root-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            await using var provider = Build(new() { ["Arena:Database"] = Path.Combine(directory, "arena.db") });

            var runtime = provider.GetRequiredService<TokensRuntime>();
            Assert.Same(provider.GetRequiredService<LedgerService>(), runtime.Ledger);
            Assert.Same(provider.GetRequiredService<IAuditLog>(), runtime.Audit);
            Assert.Same(provider.GetRequiredService<INotifier>(), runtime.Notifier);
            Assert.Same(runtime.Desk, provider.GetRequiredService<TradeDesk>());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("Notifications:WebhookUrl")]
    [InlineData("Arena:WebhookUrl")]
    public async Task Notifier_WebhookFromTheDocumentedKeyOrItsDeprecatedAlias(string key)
    {
        var directory = Path.Combine(Path.GetTempPath(), "arena-root-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            await using var provider = Build(new() { ["Arena:Database"] = Path.Combine(directory, "arena.db"), [key] = "http://127.0.0.1:9/hook" });

            var notifier = Assert.IsType<OutboxNotifier>(provider.GetRequiredService<INotifier>());
            var routes = await notifier.RoutesAsync(new Notification("platform_halted", "platform", "check", DateTimeOffset.UnixEpoch, null), CancellationToken.None);
            var route = Assert.Single(routes);
            Assert.Equal(("operator", "webhook", "http://127.0.0.1:9/hook"), (route.Recipient, route.Channel, route.Target));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
