using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using TreasuryArena.Core.Nav;
using TreasuryArena.Core.Tokens;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Benchmarks;

/// <summary>
/// The daily NAV step for 50 tokens on SQLite (durable: synchronous=FULL, group commit): each invocation processes the
/// next calendar day for every token — backing portfolios step one bar in the backtest engine, the ledger revalues and
/// accrues fees (two group commits), 50 history rows are stored, lifecycle gates run.
/// </summary>
[MemoryDiagnoser]
[InProcess]
[WarmupCount(3)]
[IterationCount(15)]
[InvocationCount(1)]
public class NavBenchmarks
{
    private string _dir = "";
    private ServiceProvider _services = null!;
    private TokensRuntime _runtime = null!;
    private DateOnly _next;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark]
    public async Task<int> DailyStep50Tokens()
    {
        var report = await _runtime.Nav.RunAsync(_next, CancellationToken.None);
        _next = _next.AddDays(1);
        return report.RowsWritten == 50 ? report.RowsWritten : throw new InvalidOperationException($"{report.RowsWritten} rows, expected 50");
    }

    private async Task SetupAsync()
    {
        _dir = Path.Combine(Path.GetTempPath(), "arena-navbench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        _services = BenchServices.Build(Path.Combine(_dir, "arena.db"));
        _runtime = _services.GetRequiredService<TokensRuntime>();
        var inception = new DateOnly(2021, 1, 1);
        foreach (var (strategy, symbol, parameters) in WalletRebalanceBenchmarks.FiftyTokens())
        {
            await _runtime.Issuer.IssueAsync(strategy, symbol, parameters, inception, CancellationToken.None);
        }

        // 120 days of history first, so the rolling 90-day metrics and the gates are computed in the measured steps.
        await _runtime.Nav.RunAsync(inception.AddDays(120), CancellationToken.None);
        _next = inception.AddDays(121);
    }
}
