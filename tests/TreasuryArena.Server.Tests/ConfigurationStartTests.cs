using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests;

/// <summary>The server validates every option section at start (refusing to start, naming the key) and logs keys nothing reads.</summary>
public sealed class ConfigurationStartTests
{
    [Fact]
    public async Task Start_BadValue_RefusesToStartNamingTheKey()
    {
        await using var database = TestDatabase.Sqlite();
        await using var factory = new ArenaFactory(database.Connection, new FakeClock(), new Dictionary<string, string?> { ["Arena:HoldTradeAboveWalletFraction"] = "2" });

        var ex = Assert.Throws<OptionsValidationException>(() => factory.Server);
        Assert.Contains(ex.Failures, f => f.StartsWith("Arena:HoldTradeAboveWalletFraction:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_ServerKeyBadValue_RefusesToStartNamingTheKey()
    {
        await using var database = TestDatabase.Sqlite();
        await using var factory = new ArenaFactory(database.Connection, new FakeClock(), new Dictionary<string, string?> { ["Arena:JobPollSeconds"] = "0" });

        var ex = Assert.Throws<OptionsValidationException>(() => factory.Server);
        Assert.Contains(ex.Failures, f => f.StartsWith("Arena:JobPollSeconds:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Arena:AnonymousRateLimitPerSecond", "0")]
    [InlineData("Arena:AnonymousRateLimitBurst", "0")]
    [InlineData("Arena:RefusalSummarySeconds", "0")]
    [InlineData("Arena:RefusalSummarySeconds", "86401")]
    public async Task Start_AnonymousLimitBadValue_RefusesToStartNamingTheKey(string key, string value)
    {
        await using var database = TestDatabase.Sqlite();
        await using var factory = new ArenaFactory(database.Connection, new FakeClock(), new Dictionary<string, string?> { [key] = value });

        var ex = Assert.Throws<OptionsValidationException>(() => factory.Server);
        Assert.Contains(ex.Failures, f => f.StartsWith(key + ":", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Arena:WebhookUrll", "configuration key 'Arena:WebhookUrll' is not a known key and is ignored (did you mean 'Arena:WebhookUrl'?)")]
    [InlineData("Arena:RateLimitBrust", "configuration key 'Arena:RateLimitBrust' is not a known key and is ignored (did you mean 'Arena:RateLimitBurst'?)")]
    public async Task Start_MisspeltKey_IsAWarningInTheServerLog(string key, string message)
    {
        var logged = await StartAndCollectWarningsAsync(new Dictionary<string, string?> { [key] = "5" });

        Assert.Contains(message, logged);
    }

    [Fact]
    public async Task Start_ValidConfiguration_LogsNoConfigurationWarning()
    {
        var logged = await StartAndCollectWarningsAsync(new Dictionary<string, string?> { ["Notifications:WebhookUrl"] = "http://127.0.0.1:9/hook", ["Arena:RateLimitBurst"] = "500" });

        Assert.DoesNotContain(logged, m => m.StartsWith("configuration key", StringComparison.Ordinal) || m.StartsWith("configuration section", StringComparison.Ordinal));
    }

    private static async Task<IReadOnlyCollection<string>> StartAndCollectWarningsAsync(Dictionary<string, string?> settings)
    {
        var sink = new Sink();
        await using var database = TestDatabase.Sqlite();
        await using var factory = new ArenaFactory(database.Connection, new FakeClock(), settings);
        await using var configured = factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(sink)));
        _ = configured.Server;
        return sink.Warnings;
    }

    private sealed class Sink : ILoggerProvider
    {
        public ConcurrentQueue<string> Queue { get; } = new();

        public IReadOnlyCollection<string> Warnings => Queue;

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Queue);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> queue) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel >= LogLevel.Warning && category.StartsWith("TreasuryArena", StringComparison.Ordinal))
                {
                    queue.Enqueue(formatter(state, exception));
                }
            }
        }
    }
}
