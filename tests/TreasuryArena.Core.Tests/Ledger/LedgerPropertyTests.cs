using FsCheck;
using FsCheck.Fluent;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Fees;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Tokens;

namespace TreasuryArena.Core.Tests.Ledger;

/// <summary>
/// Properties over random operation sequences (100 sequences of ≤ 50 operations), checked after every operation:
/// double entry conserves every unit, no non-contra balance is negative, supply equals holdings, fees equal the
/// formulas, rounding never lowers the one price (see OnePricePropertyTests) of the remaining holders, refused operations change nothing; treasury
/// fills, marks and deposits keep the treasury's cash and positions non-negative, conserve asset units and leave no
/// value on a position without units; and at the end replaying the entries reproduces every balance, the treasury's
/// cost basis and the hash chain exactly, and the verifier passes.
/// </summary>
public sealed class LedgerPropertyTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(100);
    private static readonly DateTimeOffset At = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RandomSequences_EveryOperation_KeepsInvariants()
    {
        Check.One(Config, Prop.ForAll(LedgerOpGen.Arbitrary, Run));
    }

    private static bool Run(List<LedgerOp> ops)
    {
        var state = new LedgerState();
        var entries = new List<LedgerEntry>();
        foreach (var c in LedgerOpGen.SetUp())
        {
            Assert.True(state.Execute(c, At, new LedgerBatchBuilder()).Accepted);
        }

        for (var i = 0; i < ops.Count; i++)
        {
            var command = LedgerOpGen.Command(
                ops[i], i, (a, s) => state.SharesOf(a, s).Value, s => state.Tokens.GetValueOrDefault(s),
                asset => state.Balance(LedgerAccount.TreasuryPosition(LedgerOpGen.Organisation, asset), LedgerUnit.Asset(asset)));
            var treasuryBefore = state.TreasuryView(LedgerOpGen.Organisation);
            var before = new Dictionary<BalanceKey, decimal>(state.Balances);
            var tokensBefore = state.Tokens.Values.Select(t => state.TokenView(t.Symbol)!).ToDictionary(v => v.Token.Symbol);
            var seqBefore = state.LastSequence;
            var batch = new LedgerBatchBuilder();

            var result = state.Execute(command, At, batch);
            var built = batch.Build(state);
            entries.AddRange(built.Entries);

            if (LedgerOpGen.IsInvalid(ops[i].Kind))
            {
                Assert.False(result.Accepted, $"invalid {command} was accepted");
            }

            if (!result.Accepted)
            {
                Assert.Equal(before, new Dictionary<BalanceKey, decimal>(state.Balances));
                Assert.Equal(seqBefore, state.LastSequence);
                Assert.Empty(built.Entries);
                Assert.Equal(tokensBefore.Values.Select(v => v.Token), state.Tokens.Values.Select(t => t));
                Assert.Equivalent(treasuryBefore, state.TreasuryView(LedgerOpGen.Organisation), strict: true);
                continue;
            }

            CheckTreasury(command, state, treasuryBefore);

            CheckBalances(state);
            CheckFees(command, result, tokensBefore);
            CheckNavNotDiluted(command, tokensBefore, state);
            CheckPerformanceMark(command, result, tokensBefore, state);
        }

        var replayed = LedgerState.Restore(new LedgerSnapshot([.. state.Tokens.Values], [.. state.Wallets.Values]), entries);
        Assert.Equal(Clean(state.Balances), Clean(replayed.Balances));
        Assert.Equal(state.LastHash, replayed.LastHash);
        Assert.Equivalent(state.TreasuryView(LedgerOpGen.Organisation), replayed.TreasuryView(LedgerOpGen.Organisation), strict: true);

        var journal = new InMemoryLedgerJournal();
        journal.AppendAsync(new LedgerBatch(entries, Clean(state.Balances), [.. state.Tokens.Values], [.. state.Wallets.Values]), CancellationToken.None).GetAwaiter().GetResult();
        var verification = LedgerVerifier.VerifyAsync(journal).GetAwaiter().GetResult();
        Assert.True(verification.Ok, string.Join("; ", verification.Violations.Select(v => $"{v.What} {v.Where}: {v.Detail}")));
        return true;
    }

    /// <summary>A treasury fill paid exactly notional ± costs, moved exactly its units, marked the position to the
    /// price first; and no position holds value without units.</summary>
    private static void CheckTreasury(LedgerCommand command, LedgerState state, TreasuryLedgerView? before)
    {
        var after = state.TreasuryView(LedgerOpGen.Organisation);
        foreach (var p in after?.Positions ?? [])
        {
            Assert.True(p.Units > 0m || p.CarryingValue == 0m, $"{p.Asset} carries {p.CarryingValue} without units");
            Assert.True(p.CostBasis >= 0m, $"{p.Asset} cost {p.CostBasis}");
        }

        if (command is not LedgerCommand.TreasuryTrade t)
        {
            return;
        }

        Assert.NotNull(before);
        Assert.NotNull(after);
        var costs = t.Fee.Amount + t.Slippage.Amount;
        var expectedCash = t.Side == OrderSide.Buy ? before.Cash - t.Notional.Amount - costs : before.Cash + t.Notional.Amount - costs;
        Assert.Equal(expectedCash, after.Cash);
        decimal Units(TreasuryLedgerView v) => v.Positions.FirstOrDefault(p => p.Asset == t.Asset)?.Units ?? 0m;
        Assert.Equal(Units(before) + (t.Side == OrderSide.Buy ? t.Quantity : -t.Quantity), Units(after));
        var value = after.Positions.FirstOrDefault(p => p.Asset == t.Asset)?.CarryingValue ?? 0m;
        var marked = RoundingPolicy.Down(Units(before) * t.Price, 2);
        Assert.Equal(t.Side == OrderSide.Buy ? marked + t.Notional.Amount : Units(after) == 0m ? 0m : marked - t.Notional.Amount, value);
    }

    private static Dictionary<BalanceKey, decimal> Clean(IReadOnlyDictionary<BalanceKey, decimal> b) =>
        b.Where(kv => kv.Value != 0m).ToDictionary(kv => kv.Key, kv => kv.Value);

    private static void CheckBalances(LedgerState state)
    {
        foreach (var group in state.Balances.GroupBy(kv => kv.Key.Unit))
        {
            Assert.Equal(0m, group.Sum(kv => kv.Value));
        }

        foreach (var (key, value) in state.Balances)
        {
            Assert.True(key.Account.IsContra || value >= 0m, $"{key} is {value}");
            Assert.True(RoundingPolicy.FitsScale(value, key.Unit.Scale), $"{key} has {value}");
        }

        foreach (var symbol in LedgerOpGen.Symbols)
        {
            var unit = LedgerUnit.SharesOf(symbol);
            var held = state.Balances.Where(kv => kv.Key.Unit == unit && kv.Key.Account.IsWallet).Sum(kv => kv.Value);
            Assert.Equal(state.Supply(symbol).Value, held);
        }
    }

    private static void CheckFees(LedgerCommand command, LedgerResult result, Dictionary<string, TokenView> before)
    {
        switch (command)
        {
            case LedgerCommand.Buy b:
            {
                var view = before[b.Symbol];
                var fee = FeeCalculator.TradeFee(b.Cash, view.Token.Fees);
                Assert.Equal(fee, result.Fee);
                var net = b.Cash.Amount - fee.Amount;
                var expected = RoundingPolicy.SharesIssued(net * (view.Supply.Value + 100m) / (view.GrossAssetValue.Amount + (100m * view.Token.ReferenceNav.Value)));
                Assert.Equal(expected, result.Shares.Value);
                break;
            }

            case LedgerCommand.Sell s:
            {
                var view = before[s.Symbol];
                var gross = result.Cash + result.Fee;
                Assert.Equal(FeeCalculator.TradeFee(gross, view.Token.Fees), result.Fee);
                var expectedGross = Math.Min(
                    view.GrossAssetValue.Amount,
                    RoundingPolicy.CashPaidOut(s.Shares.Value * (view.GrossAssetValue.Amount + (100m * view.Token.ReferenceNav.Value)) / (view.Supply.Value + 100m), Currency.Usd));
                Assert.Equal(expectedGross, gross.Amount);
                break;
            }

            case LedgerCommand.AccrueFees f:
            {
                var view = before[f.Symbol];
                var days = f.AsOf.DayNumber - view.Token.LastFeeDate.DayNumber;
                var management = view.Supply.IsZero ? Money.Usd(0m) : FeeCalculator.ManagementFee(view.GrossAssetValue, view.Token.Fees, days);
                Assert.Equal(management, result.ManagementFee);
                var due = FeeCalculator.CrystallisationThrough(view.Token.Fees.Crystallisation, view.Token.LastCrystallisationDate, f.AsOf, f.ClosesPeriod) is not null;
                // The hurdle grows for the days accrued first; the fee is measured from the grown mark.
                var index = view.Token.Fees.Hurdle == PerformanceHurdle.None || days == 0
                    ? view.Token.HurdleIndex
                    : FeeCalculator.GrowHurdleIndex(view.Token.HurdleIndex, f.HurdleDailyRate, days);
                var mark = FeeCalculator.HurdleMark(view.Token.HighWaterMark, index);
                var performance = due ? FeeCalculator.PerformanceFee(view.GrossAssetValue - management, view.Supply, mark, view.Token.Fees) : Money.Usd(0m);
                Assert.Equal(performance, result.PerformanceFee);
                break;
            }
        }
    }

    /// <summary>
    /// The performance-fee mark: a buy into a fund with no shares starts it at the NAV the buy was priced at (hurdle
    /// index 1); any other trade leaves it; a crystallisation that charged a fee resets it to the post-fee price.
    /// </summary>
    private static void CheckPerformanceMark(LedgerCommand command, LedgerResult result, Dictionary<string, TokenView> before, LedgerState state)
    {
        switch (command)
        {
            case LedgerCommand.Buy b:
            {
                var old = before[b.Symbol];
                var now = state.Tokens[b.Symbol];
                if (old.Supply.IsZero)
                {
                    Assert.Equal(old.NavPerShare, now.HighWaterMark);
                    Assert.Equal(1m, now.HurdleIndex);
                    Assert.Equal(old.Token.LastFeeDate, now.HighWaterMarkDate);
                }
                else
                {
                    Assert.Equal(old.Token.HighWaterMark, now.HighWaterMark);
                }

                break;
            }

            case LedgerCommand.Sell s:
                Assert.Equal(before[s.Symbol].Token.HighWaterMark, state.Tokens[s.Symbol].HighWaterMark);
                break;
            case LedgerCommand.AccrueFees f when !result.PerformanceFee.IsZero:
            {
                var now = state.TokenView(f.Symbol)!;
                Assert.Equal(RoundingPolicy.PriceUp(now.GrossAssetValue.Amount / now.Supply.Value), now.Token.HighWaterMark.Value);
                Assert.Equal(f.AsOf, now.Token.HighWaterMarkDate);
                break;
            }
        }
    }

    private static void CheckNavNotDiluted(LedgerCommand command, Dictionary<string, TokenView> before, LedgerState state)
    {
        var symbol = command switch
        {
            LedgerCommand.Buy b => b.Symbol,
            LedgerCommand.Sell s => s.Symbol,
            _ => null,
        };
        if (symbol is null)
        {
            return;
        }

        var old = before[symbol];
        var now = state.TokenView(symbol)!;

        // The one price (GAV + 100·R) / (supply + 100) never falls on a trade (compared without division): rounding never
        // moves value to the trader. (Before issue 16 this compared GAV / supply, which is no longer the price.)
        var virtualAssets = 100m * old.Token.ReferenceNav.Value;
        Assert.True(
            (now.GrossAssetValue.Amount + virtualAssets) * (old.Supply.Value + 100m) >= (old.GrossAssetValue.Amount + virtualAssets) * (now.Supply.Value + 100m),
            $"{command} diluted {symbol}");
    }
}
