using System.Globalization;
using BenchmarkDotNet.Attributes;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Fees;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Tokens;
using TreasuryArena.Core.Wallets;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Benchmarks;

/// <summary>
/// Durable ledger throughput: <see cref="Trades"/> buys and sells queued at once (so the single writer group-commits
/// them) against 50 funded wallets and 3 active tokens, on SQLite (WAL, synchronous=FULL) and, when
/// <c>ARENA_TEST_POSTGRES</c> is set, on PostgreSQL; plus the in-memory rules alone. One operation = one trade.
/// Run: dotnet run -c Release --project bench/TreasuryArena.Benchmarks -- --filter '*LedgerBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class LedgerBenchmarks
{
    private const int Trades = 20_000;
    private readonly List<string> wallets = [];
    private readonly string directory = Path.Combine(Path.GetTempPath(), "arena-bench-" + Guid.NewGuid().ToString("N"));
    private LedgerService ledger = null!;
    private LedgerCommand[] commands = [];
    private int round;

    [Params("memory", "sqlite", "postgres")]
    public string Store { get; set; } = "sqlite";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        Directory.CreateDirectory(directory);
        ledger = Store switch
        {
            "memory" => LedgerService.InMemory(TimeProvider.System),
            "sqlite" => await (await ArenaDatabase.OpenAsync(Path.Combine(directory, "bench.db"), TimeProvider.System)).OpenLedgerAsync(TimeProvider.System, 4096),
            _ => await (await ArenaDatabase.OpenAsync(PostgresDatabase(), TimeProvider.System)).OpenLedgerAsync(TimeProvider.System, 4096),
        };
        for (var t = 0; t < 3; t++)
        {
            var symbol = "BENCH" + t.ToString(CultureInfo.InvariantCulture);
            await ledger.CreateTokenAsync(symbol, symbol, "bench", UnitPrice.Of(1m), new DateOnly(2026, 1, 1), FeeSchedule.Default);
            await ledger.ChangeTokenStatusAsync(symbol, TokenStatus.Active);
        }

        for (var w = 0; w < 50; w++)
        {
            var r = await ledger.CreateWalletAsync("bench", WalletMode.FullAi, RiskTolerance.Moderate, "bench-w" + w.ToString(CultureInfo.InvariantCulture));
            wallets.Add(r.Address!);
            await ledger.DepositAsync(r.Address!, Money.Usd(900_000_000m), "bench-d" + w.ToString(CultureInfo.InvariantCulture));
        }
    }

    [IterationSetup]
    public void IterationSetup()
    {
        // Fresh keys every round; buys of 10.00 and sells of 1 share alternate over wallets and tokens.
        round++;
        var random = new Random(round);
        commands = new LedgerCommand[Trades];
        for (var i = 0; i < Trades; i++)
        {
            var wallet = wallets[random.Next(wallets.Count)];
            var symbol = "BENCH" + random.Next(3).ToString(CultureInfo.InvariantCulture);
            var key = string.Create(CultureInfo.InvariantCulture, $"r{round}-{i}");
            commands[i] = i % 4 == 3
                ? new LedgerCommand.Sell(wallet, symbol, Shares.Of(1m), key)
                : new LedgerCommand.Buy(wallet, symbol, Money.Usd(10m), key);
        }
    }

    [Benchmark(OperationsPerInvoke = Trades)]
    public async Task<int> GroupCommittedTrades()
    {
        var tasks = new Task<LedgerResult>[commands.Length];
        for (var i = 0; i < commands.Length; i++)
        {
            tasks[i] = ledger.ExecuteAsync(commands[i]);
        }

        var results = await Task.WhenAll(tasks);
        return results.Count(r => r.Accepted);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await ledger.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private static string PostgresDatabase() =>
        Environment.GetEnvironmentVariable("ARENA_BENCH_POSTGRES")
        ?? throw new InvalidOperationException("set ARENA_BENCH_POSTGRES to an empty PostgreSQL database's connection string");
}
