using System.Text.Json;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Tokens;
using TreasuryArena.Core.Wallets;
using TreasuryArena.Core.Wallets.Proposals;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Infrastructure.Tests.Tokens;

/// <summary>
/// A rebalance run stores its token metrics once (the run) and one snapshot per wallet, in chunks while the run
/// proceeds: every wallet's snapshot is stored, exactly once, and matches what the ledger executed.
/// </summary>
public sealed class WalletRunStorageTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task RebalanceAll_SmallChunks_EveryWalletSnapshotStoredOnceWithTheRunInputs()
    {
        var settings = new TokensSettings { Optimizer = new() { Wallet = new() { SnapshotBatchSize = 4, MaxParallelWallets = 8 } } };
        await using var f = await TokensFixture.CreateAsync(settings);
        var rt = f.Runtime;
        await ActiveTokensAsync(rt);

        var wallets = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            wallets.Add(await f.WalletAsync(Plan.Premium, WalletMode.FullAi, (RiskTolerance)(i % 3), 10_000m + i));
        }

        var results = await (await rt.RebalancerAsync(null, Ct)).RebalanceAsync(null, false, null, Ct);

        Assert.Equal(30, results.Count);
        Assert.Contains(results, r => r.Action == "executed");
        Guid? run = null;
        foreach (var r in results)
        {
            var snapshots = await rt.Allocations.SnapshotsAsync(r.Address, 10, Ct);
            var s = Assert.Single(snapshots);
            run ??= s.RunId;
            Assert.Equal(run, s.RunId);
            Assert.Equal(r.Action, s.Action);
            Assert.Equal(r.Reason, s.Reasoning);

            // The snapshot records what the ledger did: executed buys are the wallet's holdings.
            var doc = JsonDocument.Parse(s.DecisionJson).RootElement;
            Assert.Equal(s.RunId.ToString(), doc.GetProperty("inputs").GetProperty("run_id").GetString());
            Assert.False(doc.GetProperty("inputs").TryGetProperty("tokens", out _));
            var executed = doc.GetProperty("executions").EnumerateArray().Where(e => e.GetProperty("status").GetString() == "executed").Select(e => e.GetProperty("symbol").GetString()!).Order().ToList();
            Assert.Equal(executed, rt.Ledger.GetWallet(r.Address)!.Holdings.Select(h => h.Symbol).Order().ToList());
        }

        // The run's token metrics are stored once, with every token that had a full lookback window.
        var stored = await rt.Allocations.FindRunAsync(run!.Value, Ct);
        Assert.NotNull(stored);
        Assert.Equal(AsOf, stored.AsOf);
        var tokens = JsonDocument.Parse(stored.TokensJson).RootElement.EnumerateArray().Select(t => t.GetProperty("symbol").GetString()).Order().ToList();
        Assert.Equal(["FIXW", "HBTC", "HETH", "RPAR", "T6040", "VTGT"], tokens);
    }

    [Fact]
    public async Task Hybrid_SecondRunWhileAProposalIsPending_SupersedesIt()
    {
        await using var f = await TokensFixture.CreateAsync(new TokensSettings());
        var rt = f.Runtime;
        await ActiveTokensAsync(rt);
        var hybrid = await f.WalletAsync(Plan.Premium, WalletMode.Hybrid, RiskTolerance.Aggressive, 50_000m);

        var first = Assert.Single(await (await rt.RebalancerAsync(null, Ct)).RebalanceAsync([hybrid], false, null, Ct));
        Assert.Equal("proposed", first.Action);
        var second = Assert.Single(await (await rt.RebalancerAsync(null, Ct)).RebalanceAsync([hybrid], false, null, Ct));
        Assert.Equal("proposed", second.Action);

        Assert.Equal(ProposalStatus.Expired, (await rt.Allocations.FindProposalAsync(first.ProposalId!.Value, Ct))!.Status);
        var pending = Assert.Single(await rt.Allocations.ProposalsAsync(hybrid, ProposalStatus.Pending, Ct));
        Assert.Equal(second.ProposalId, pending.Id);
    }

    private static readonly DateOnly Inception = new(2020, 9, 1);
    private static readonly DateOnly AsOf = Inception.AddDays(100);

    /// <summary>Six strategy tokens issued at <see cref="Inception"/>, stepped to <see cref="AsOf"/> and activated.</summary>
    private static async Task ActiveTokensAsync(TokensRuntime rt)
    {
        foreach (var (strategy, symbol, parameters) in new (string, string, Dictionary<string, string>?)[]
                 {
                     ("buy-and-hold", "HBTC", new() { ["asset"] = "BTC" }), ("buy-and-hold", "HETH", new() { ["asset"] = "ETH" }),
                     ("treasury-60-40", "T6040", null), ("fixed-weight", "FIXW", null), ("risk-parity", "RPAR", null), ("vol-target", "VTGT", null),
                 })
        {
            await rt.Issuer.IssueAsync(strategy, symbol, parameters, Inception, Ct);
        }

        await rt.Nav.RunAsync(AsOf, Ct);
        foreach (var t in rt.Ledger.ListTokens().Where(t => t.Token.Status == TokenStatus.Proving))
        {
            await rt.Nav.SetStatusAsync(t.Token.Symbol, TokenStatus.Active, AsOf, "test", "admin override for the test", Ct);
        }
    }
}
