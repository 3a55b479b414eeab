using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TreasuryArena.Core.Intelligence;
using TreasuryArena.Core.Ports;
using TreasuryArena.Infrastructure.MarketData;

namespace TreasuryArena.Infrastructure.Tests.MarketData;

public sealed class MarketDataOptionsTests
{
    [Theory]
    [InlineData("MarketData:Mode", "realtime")]
    [InlineData("MarketData:CoinGecko:BaseUrl", "not a url")]
    [InlineData("MarketData:Binance:BaseUrl", "ftp://example.org")]
    [InlineData("Treasury:LadderSellFraction", "2")]
    [InlineData("Treasury:BaseShare", "1.5")]
    [InlineData("Http:Resilience:MaxRetries", "50")]
    public void Start_BadConfiguration_FailsValidation(string key, string value)
    {
        using var api = new LocalApi();

        var ex = Assert.Throws<OptionsValidationException>(() => MarketDataHost.Build(api, extra: new() { [key] = value }));

        Assert.NotEmpty(ex.Failures);
    }

    [Fact]
    public void Start_DescendingLadder_FailsValidation()
    {
        using var api = new LocalApi();

        var ex = Assert.Throws<OptionsValidationException>(() => MarketDataHost.Build(api, extra: new()
        {
            ["Treasury:MvrvThresholds:0"] = "5",
            ["Treasury:MvrvThresholds:1"] = "3.5",
        }));

        Assert.Contains(ex.Failures, f => f.Contains("ascending", StringComparison.Ordinal));
    }

    [Fact]
    public void Treasury_ConfiguredLadder_ReachesTheSignalSettings()
    {
        using var api = new LocalApi();
        using var sp = MarketDataHost.Build(api, extra: new()
        {
            ["Treasury:MvrvThresholds:0"] = "3",
            ["Treasury:MvrvThresholds:1"] = "6",
            ["Treasury:FearGreedTilt"] = "0.1",
            ["Treasury:BtcShareOfTactical"] = "0.5",
        });

        var settings = sp.GetRequiredService<IntelligenceSettings>();

        Assert.Equal([3.0, 6.0], settings.Signal.MvrvThresholds);
        Assert.Equal(0.1, settings.Signal.FearGreedTilt);
        Assert.Equal(0.5, settings.Signal.BtcShareOfTactical);
        Assert.Equal(0.05, settings.Triggers.DriftThreshold);
    }

    [Fact]
    public void Mode_DefaultIsHistory()
    {
        using var api = new LocalApi();
        using var sp = MarketDataHost.Build(api, extra: new() { ["MarketData:Mode"] = null });

        Assert.IsType<HistoryMarketDataProvider>(sp.GetRequiredService<IMarketDataProvider>());
        Assert.IsType<HistoryPoolYieldSource>(sp.GetRequiredService<IPoolYieldSource>());
    }
}
