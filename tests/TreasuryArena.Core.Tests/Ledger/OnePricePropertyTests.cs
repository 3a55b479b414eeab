using System.Globalization;
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Fees;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Tokens;
using TreasuryArena.Core.Wallets;

namespace TreasuryArena.Core.Tests.Ledger;

/// <summary>
/// Issue 16, "one price": random sequences biased to empty, near-empty and dust-supply funds (cent-sized buys, sales
/// that leave a few 10^-8 shares, whole-holding sales, NAV moves, fee accruals) on tokens priced from $0.0137 to
/// $2,345.67. After every operation: the quote equals the execution and the shown NAV is the price formula; a buy's
/// shares are worth at most the net cash at the post-trade price; a sale pays at most the shares' value; the price
/// never falls on a trade; cash and shares are conserved; a whole-holding sale always goes through and leaves nothing;
/// at the end every position is closed, no share is left and the journal verifies.
/// The formula is restated here, not called: price = (GAV + 100·R) / (supply + 100).
/// </summary>
public sealed class OnePricePropertyTests
{
    private const decimal V = 100m;
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(200);
    private static readonly DateTimeOffset At = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Symbols = ["DUST", "TINY", "BIG"];
    private static readonly decimal[] InitialNavs = [1m, 0.0137m, 2345.67m];
    private static readonly FeeSchedule[] Fees = [FeeSchedule.Default, new(0m, 0.02m, 0.2m, CrystallisationSchedule.Monthly), new(0.005m, 0.02m, 0m, CrystallisationSchedule.Quarterly)];
    private const int Wallets = 3;

    /// <summary>Kind: 0 buy, 1 sell a fraction, 2 sell all but a few units, 3 sell everything, 4 revalue, 5 accrue fees.</summary>
    private sealed record Op(int Kind, int Wallet, int Token, long Cents, int Percent, int Units)
    {
        public override string ToString() => $"op{Kind}(w{Wallet},t{Token},{Cents}c,{Percent}%,{Units}u)";
    }

    private static readonly Gen<Op> OpGen =
        from kind in Gen.Frequency(
            (30, Gen.Constant(0)),
            (12, Gen.Constant(1)),
            (14, Gen.Constant(2)),
            (16, Gen.Constant(3)),
            (18, Gen.Constant(4)),
            (10, Gen.Constant(5)))
        from wallet in Gen.Choose(0, Wallets - 1)
        from token in Gen.Choose(0, Symbols.Length - 1)
        from cents in Gen.Frequency(
            (4, Gen.Choose(1, 9).Select(x => (long)x)),
            (3, Gen.Choose(10, 5_000).Select(x => (long)x)),
            (3, Gen.Choose(5_000, 2_000_000).Select(x => (long)x)))
        from percent in Gen.Choose(-60, 99)
        from units in Gen.Choose(1, 3_000_000)
        select new Op(kind, wallet, token, cents, percent, units);

    private static readonly Arbitrary<List<Op>> Sequences = Arb.From(
        from n in Gen.Choose(1, 60)
        from ops in Gen.ListOf(OpGen, n)
        select ops.ToList());

    [Fact]
    public void RandomSequences_NearEmptyAndDustFunds_OnePriceAndNoDust()
    {
        Check.One(Config, Prop.ForAll(Sequences, Run));
    }

    /// <summary>The entries of the sequence being run, for the verifier at its end.</summary>
    private static readonly ThreadLocal<List<LedgerEntry>> Journal = new(() => []);

    private static bool Run(List<Op> ops)
    {
        var state = new LedgerState();
        Journal.Value!.Clear();
        var addresses = new string[Wallets];
        for (var i = 0; i < Wallets; i++)
        {
            var key = "w" + i.ToString(CultureInfo.InvariantCulture);
            addresses[i] = Execute(state, new LedgerCommand.CreateWallet("org", WalletMode.Manual, RiskTolerance.Moderate, key)).Address!;
            Execute(state, new LedgerCommand.Deposit(addresses[i], Money.Usd(10_000_000m), key + ":cash"));
        }

        for (var t = 0; t < Symbols.Length; t++)
        {
            Execute(state, new LedgerCommand.CreateToken(Symbols[t], Symbols[t], "s", UnitPrice.Of(InitialNavs[t]), LedgerOpGen.Inception, Fees[t]));
            Execute(state, new LedgerCommand.ChangeTokenStatus(Symbols[t], TokenStatus.Active));
        }

        for (var i = 0; i < ops.Count; i++)
        {
            Step(state, ops[i], addresses[ops[i].Wallet], Symbols[ops[i].Token], "k" + i.ToString(CultureInfo.InvariantCulture));
            CheckConservation(state);
        }

        // Closing every position leaves no share anywhere.
        var n = 0;
        foreach (var address in addresses)
        {
            foreach (var symbol in Symbols)
            {
                var held = state.SharesOf(address, symbol);
                if (!held.IsZero)
                {
                    Step(state, new Op(3, 0, 0, 0, 0, 0), address, symbol, "close" + (n++).ToString(CultureInfo.InvariantCulture));
                }
            }
        }

        foreach (var symbol in Symbols)
        {
            Assert.Equal(0m, state.Supply(symbol).Value);
            Assert.Equal(0, state.TokenView(symbol)!.HolderCount);
        }

        CheckConservation(state);

        // The journal verifies: shapes (a cashless sale closes its holding), fees, balances, supply = holdings.
        var journal = new InMemoryLedgerJournal();
        journal.AppendAsync(new LedgerBatch([.. Journal.Value!], state.Balances.Where(kv => kv.Value != 0m).ToDictionary(), [.. state.Tokens.Values], [.. state.Wallets.Values]), CancellationToken.None).GetAwaiter().GetResult();
        var verification = LedgerVerifier.VerifyAsync(journal).GetAwaiter().GetResult();
        Assert.True(verification.Ok, string.Join("; ", verification.Violations.Select(v => $"{v.What} {v.Where}: {v.Detail}")));
        return true;
    }

    private static void Step(LedgerState state, Op op, string address, string symbol, string key)
    {
        var before = state.TokenView(symbol)!;
        var held = state.SharesOf(address, symbol);
        var r = before.Token.ReferenceNav.Value;
        switch (op.Kind)
        {
            case 0:
            {
                var cash = Money.Usd(op.Cents / 100m);
                var quote = TradeQuote.ForBuy(before, cash);
                var result = Execute(state, new LedgerCommand.Buy(address, symbol, cash, key), expectAccepted: null);
                Assert.Equal(quote.Error is null, result.Accepted);
                if (!result.Accepted)
                {
                    Assert.Equal(LedgerError.InvalidAmount, result.Error);
                    Assert.Equal(0m, Formula.SharesFor(cash.Amount - quote.Fee.Amount, before, r));
                    return;
                }

                var after = state.TokenView(symbol)!;
                var net = cash.Amount - result.Fee.Amount;
                var shares = result.Shares.Value;
                Assert.Equal(quote.Shares, shares);
                Assert.Equal(quote.Fee, result.Fee);
                Assert.Equal(Formula.SharesFor(net, before, r), shares);
                Assert.Equal(before.GrossAssetValue.Amount + net, after.GrossAssetValue.Amount);
                Assert.Equal(before.Supply.Value + shares, after.Supply.Value);

                // Worth at the post-trade price: shares × (GAV' + V·R) / (supply' + V) ≤ net, compared without division.
                Assert.True(B(shares) * (B(after.GrossAssetValue.Amount) + B(V * r)) <= B(net) * (B(after.Supply.Value) + B(V)), $"buy of {cash} got {shares} {symbol} worth more than {net}");
                Assert.True(B(shares) * B(after.NavPerShare.Value) <= B(net) * B(1m), $"buy of {cash} got {shares} {symbol} worth more than {net} at the shown NAV");
                CheckPriceNotLower(before, after, r, $"buy {cash}");
                break;
            }

            case 1:
            case 2:
            case 3:
            {
                var shares = op.Kind switch
                {
                    1 => RoundingPolicy.SharesIssued(held.Value * Math.Abs(op.Percent) / 100m),
                    2 => held.Value - Math.Min(held.Value, op.Units / 100_000_000m),
                    _ => held.Value,
                };
                if (shares <= 0m)
                {
                    return;
                }

                var quote = TradeQuote.ForSell(before, Shares.Of(shares), held);
                var result = Execute(state, new LedgerCommand.Sell(address, symbol, Shares.Of(shares), key), expectAccepted: null);
                Assert.Equal(quote.Error is null, result.Accepted);
                var whole = shares == held.Value;
                if (!result.Accepted)
                {
                    Assert.False(whole, $"selling the whole holding of {shares} {symbol} was refused: {result.Message}");
                    Assert.Equal(LedgerError.InvalidAmount, result.Error);
                    Assert.Equal(0m, Formula.CashFor(shares, before, r));
                    return;
                }

                var after = state.TokenView(symbol)!;
                var gross = result.Cash.Amount + result.Fee.Amount;
                Assert.Equal(quote.Gross.Amount, gross);
                Assert.Equal(quote.Fee, result.Fee);
                Assert.Equal(Formula.CashFor(shares, before, r), gross);
                Assert.Equal(before.GrossAssetValue.Amount - gross, after.GrossAssetValue.Amount);
                Assert.Equal(before.Supply.Value - shares, after.Supply.Value);

                // Never more than the shares' value at the price before (and so after) the sale.
                Assert.True(B(gross) * (B(before.Supply.Value) + B(V)) <= B(shares) * (B(before.GrossAssetValue.Amount) + B(V * r)), $"sale of {shares} {symbol} paid {gross}, more than their value");
                Assert.True(B(gross) * B(1m) <= B(shares) * B(before.NavPerShare.Value + 0.00000001m), $"sale of {shares} {symbol} paid {gross}, more than their value at the shown NAV (to its last digit)");
                CheckPriceNotLower(before, after, r, $"sell {shares}");
                if (whole)
                {
                    Assert.True(state.SharesOf(address, symbol).IsZero, $"a whole sale left {state.SharesOf(address, symbol)} {symbol}");
                }

                break;
            }

            case 4:
            {
                var nav = Math.Max(0.0001m, RoundingPolicy.PriceDown(r * (1m + (op.Percent / 200m))));
                var result = Execute(state, new LedgerCommand.Revalue(symbol, UnitPrice.Of(nav), key));
                var after = state.TokenView(symbol)!;

                // The price is the struck NAV to within one cent spread over supply + V shares, never above it.
                Assert.Equal(nav, after.Token.ReferenceNav.Value);
                // nav × (supply + V) − (GAV + V·nav) ∈ [0, 0.01): the price lies in (nav − 0.01 / (supply + V), nav].
                var gap = (B(nav) * (B(after.Supply.Value) + B(V))) - ((B(after.GrossAssetValue.Amount) + B(V * nav)) * B(1m));
                Assert.True(gap >= 0 && gap < B(0.01m) * B(1m), $"price of {symbol} off the struck NAV {nav} by {gap} (10^-16 USD × shares)");
                Assert.True(after.NavPerShare.Value <= nav, $"NAV {after.NavPerShare} above the struck {nav}");
                Assert.Equal(after.NavPerShare, result.NavPerShare);
                break;
            }

            default:
            {
                var last = before.Token.LastFeeDate;
                var result = Execute(state, new LedgerCommand.AccrueFees(symbol, last.AddDays(1 + (Math.Abs(op.Percent) % 40)), key));
                var after = state.TokenView(symbol)!;
                var taken = result.ManagementFee.Amount + result.PerformanceFee.Amount;
                Assert.Equal(before.GrossAssetValue.Amount - taken, after.GrossAssetValue.Amount);

                // The virtual shares pay the same fraction: R' = floor₈(R × GAV' / GAV).
                var expected = taken == 0m ? r : Math.Max(0.00000001m, RoundingPolicy.PriceDown(r * after.GrossAssetValue.Amount / before.GrossAssetValue.Amount));
                Assert.Equal(expected, after.Token.ReferenceNav.Value);
                break;
            }
        }

        // The shown NAV is the price formula of the current state.
        var now = state.TokenView(symbol)!;
        Assert.Equal(Formula.Nav(now), now.NavPerShare.Value);
    }

    /// <summary>(GAV' + V·R) / (supply' + V) ≥ (GAV + V·R) / (supply + V), compared without division.</summary>
    private static void CheckPriceNotLower(TokenView before, TokenView after, decimal r, string what) =>
        Assert.True(
            (B(after.GrossAssetValue.Amount) + B(V * r)) * (B(before.Supply.Value) + B(V)) >= (B(before.GrossAssetValue.Amount) + B(V * r)) * (B(after.Supply.Value) + B(V)),
            $"{what} lowered the price of {before.Token.Symbol}");

    /// <summary>An amount of at most 8 decimals as an exact integer of 10^-8 units, so products compare exactly.</summary>
    private static BigInteger B(decimal value)
    {
        var scaled = value * 100_000_000m;
        Assert.Equal(decimal.Truncate(scaled), scaled);
        return new BigInteger(scaled);
    }

    private static void CheckConservation(LedgerState state)
    {
        foreach (var group in state.Balances.GroupBy(kv => kv.Key.Unit))
        {
            Assert.Equal(0m, group.Sum(kv => kv.Value));
        }

        foreach (var (key, value) in state.Balances)
        {
            Assert.True(key.Account.IsContra || value >= 0m, $"{key} is {value}");
        }

        foreach (var symbol in Symbols)
        {
            var unit = LedgerUnit.SharesOf(symbol);
            Assert.Equal(state.Supply(symbol).Value, state.Balances.Where(kv => kv.Key.Unit == unit && kv.Key.Account.IsWallet).Sum(kv => kv.Value));
        }
    }

    private static LedgerResult Execute(LedgerState state, LedgerCommand command, bool? expectAccepted = true)
    {
        var batch = new LedgerBatchBuilder();
        var result = state.Execute(command, At, batch);
        Journal.Value!.AddRange(batch.Build(state).Entries);
        if (expectAccepted is { } expected)
        {
            Assert.True(result.Accepted == expected, $"{command}: {result.Message}");
        }

        return result;
    }

    /// <summary>The one-price formula, written out independently of the ledger's code.</summary>
    private static class Formula
    {
        public static decimal Nav(TokenView v) =>
            Math.Round((v.GrossAssetValue.Amount + (V * v.Token.ReferenceNav.Value)) / (v.Supply.Value + V), 8, MidpointRounding.ToNegativeInfinity);

        public static decimal SharesFor(decimal net, TokenView v, decimal r) =>
            Math.Round(net * (v.Supply.Value + V) / (v.GrossAssetValue.Amount + (V * r)), 8, MidpointRounding.ToNegativeInfinity);

        public static decimal CashFor(decimal shares, TokenView v, decimal r) =>
            Math.Min(v.GrossAssetValue.Amount, Math.Round(shares * (v.GrossAssetValue.Amount + (V * r)) / (v.Supply.Value + V), 2, MidpointRounding.ToNegativeInfinity));
    }
}
