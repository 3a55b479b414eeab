using TreasuryArena.Core.Nav;
using TreasuryArena.Core.Tokens;

namespace TreasuryArena.Infrastructure.Tests.Tokens;

/// <summary>
/// Issue 18 on the shipped history: one token per library strategy issued 91 days before 2021-01-01 (as
/// <c>arena evaluate --from 2021-01-01</c> issues them) and stepped to 2024-06-30. Under the flat 20% breaker measured
/// from the paper-proving peak all 12 ended paused, the first on 2021-01-21, and none resumed. Now each token's limit
/// comes from its own backtest and the automatic review resumes what the breaker paused: the platform ends investable.
/// </summary>
public sealed class TokenBreakerShippedHistoryTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateOnly Inception = new(2020, 10, 2);
    private static readonly DateOnly End = new(2024, 6, 30);

    private static readonly (string Strategy, string Symbol, Dictionary<string, string>? Parameters)[] Library =
    [
        ("buy-and-hold", "HBTC", new() { ["asset"] = "BTC" }),
        ("buy-and-hold", "HETH", new() { ["asset"] = "ETH" }),
        ("treasury-60-40", "T6040", null),
        ("fixed-weight", "FIXW", null),
        ("ma-trend", "TRND", null),
        ("ma-crossover", "MACX", null),
        ("dual-momentum", "DMOM", null),
        ("risk-parity", "RPAR", null),
        ("vol-target", "VTGT", null),
        ("dca", "DCA", null),
        ("fear-greed-contrarian", "FGC", null),
        ("rsi-reversion", "RSIR", null),
    ];

    [Fact]
    public async Task Bug_18_Replay2021To2024_LeavesThePlatformInvestable_EveryPauseAndResumeByTheRule()
    {
        await using var f = await TokensFixture.CreateAsync();
        var rt = f.Runtime;
        var options = rt.Nav.Options;
        foreach (var (strategy, symbol, parameters) in Library)
        {
            var issue = await rt.Issuer.IssueAsync(strategy, symbol, parameters, Inception, Ct);
            // Every library strategy has years of history before 2020-10: its limit comes from its backtest.
            Assert.NotNull(issue.Breaker);
            Assert.True(issue.Breaker!.Source is BreakerLimitSource.Backtest or BreakerLimitSource.Cap or BreakerLimitSource.Floor, symbol);
            Assert.Equal(issue.Breaker, (await rt.NavStore.FindBackingAsync(symbol, Ct))!.Breaker);
        }

        await rt.Nav.RunAsync(End, Ct);

        // Investable at the end: most tokens active (all 12 with the defaults), none left paused by an old trip.
        var active = rt.Ledger.ListTokens().Where(t => t.Token.Status == TokenStatus.Active).Select(t => t.Token.Symbol).ToList();
        Assert.True(active.Count >= 8, "active at the end: " + string.Join(", ", active));

        var events = await rt.NavStore.EventsAsync(null, Ct);
        var pauses = events.Where(e => e.To == TokenStatus.Paused).ToList();
        var resumes = events.Where(e => e.From == TokenStatus.Paused && e.To == TokenStatus.Active).ToList();
        Assert.NotEmpty(pauses); // the 2022 bear market goes beyond several tokens' limits
        Assert.NotEmpty(resumes);
        Assert.All(pauses.Concat(resumes), e => Assert.Equal(NavEngine.EngineActor, e.Actor));
        Assert.DoesNotContain(pauses, e => e.Date < new DateOnly(2021, 3, 1)); // the old rule's first trips: 2021-01-21, 2021-02-25

        foreach (var symbol in Library.Select(l => l.Symbol))
        {
            var rows = await rt.NavStore.HistoryAsync(symbol, null, Ct);
            var nav = rows.ToDictionary(r => r.Date, r => r.Nav);
            var backing = (await rt.NavStore.FindBackingAsync(symbol, Ct))!;
            var limit = backing.Breaker!.Limit;
            var mine = events.Where(e => e.Symbol == symbol).OrderBy(e => e.Date).ThenBy(e => e.At).ToList();
            var live = mine.Single(e => e.From == TokenStatus.Proving).Date;
            var reference = live;
            foreach (var e in mine.Where(e => e.Date > live))
            {
                if (e.To == TokenStatus.Paused)
                {
                    // Paused only beyond its own limit, measured from the peak since it went live (or last resumed).
                    var peak = rows.Where(r => r.Date >= reference && r.Date <= e.Date).Max(r => r.Nav);
                    Assert.True(1m - (nav[e.Date] / peak) >= limit, $"{symbol} paused on {e.Date} within its limit");
                    Assert.True(1m - (rows.Single(r => r.Date == e.Date.AddDays(-1)).Nav / rows.Where(r => r.Date >= reference && r.Date < e.Date).Max(r => r.Nav)) < limit, $"{symbol} paused late");
                    Assert.Contains(BreakerLimit.Pct(limit), e.Reason, StringComparison.Ordinal);
                }
                else
                {
                    // Resumed by the review: half the way back from the trough, or 90 days without a new low.
                    var pause = mine.Last(p => p.To == TokenStatus.Paused && p.Date <= e.Date);
                    var pausePeak = rows.Where(r => r.Date >= reference && r.Date <= pause.Date).Max(r => r.Nav);
                    var since = rows.Where(r => r.Date >= pause.Date && r.Date <= e.Date).ToList();
                    var trough = since.Min(r => r.Nav);
                    var troughDate = since.First(r => r.Nav == trough).Date;
                    var recovered = nav[e.Date] >= LifecycleGates.ResumeLevel(pausePeak, trough, options);
                    var cooled = e.Date.DayNumber - troughDate.DayNumber >= options.ResumeCoolingOffDays;
                    Assert.True(recovered || cooled, $"{symbol} resumed on {e.Date} before the rule allowed");
                    reference = e.Date;
                }
            }

            Assert.Equal(reference, backing.BreakerReference);
        }

        // Every pause and resume is audited with its numbers and notified.
        var audit = await rt.Audit.ReadAsync(0, 10_000, Ct);
        Assert.Equal(pauses.Count, audit.Count(a => a.Action == "token.breaker_pause"));
        Assert.Equal(resumes.Count, audit.Count(a => a.Action == "token.breaker_resume"));
        Assert.All(audit.Where(a => a.Action.StartsWith("token.breaker_", StringComparison.Ordinal)), a => Assert.Contains("\"limit\":", a.Detail, StringComparison.Ordinal));
        var notes = await rt.ComplianceStore.ListNotificationsAsync(null, 10_000, Ct);
        Assert.Equal(pauses.Count, notes.Count(n => n.Kind == "token_breaker_paused"));
        Assert.Equal(resumes.Count, notes.Count(n => n.Kind == "token_breaker_resumed"));
    }
}
