using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Fees;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Tokens;
using TreasuryArena.Core.Wallets;

namespace TreasuryArena.Core.Tests.Ledger;

/// <summary>
/// Generators of random operation sequences over 3 wallets and 2 tokens, plus the treasury of organisation
/// <see cref="Organisation"/> trading BTC and a yield index (valid, edge and invalid operations mixed), and the set-up
/// commands they run against. Shared with the storage tests (SQLite vs PostgreSQL).
/// </summary>
public static class LedgerOpGen
{
    public const int Wallets = 3;
    public static readonly string[] Symbols = ["ALPHA", "BETA"];
    public static readonly FeeSchedule[] Fees = [FeeSchedule.Default, new(0.005m, 0.02m, 0.2m, CrystallisationSchedule.Monthly, PerformanceHurdle.TBill)];
    public static readonly DateOnly Inception = new(2026, 1, 1);
    public const string Organisation = "arena";
    public static readonly string[] Assets = ["BTC", "AAVE-USDC"];
    public static readonly string[] Venues = ["paper", "aave"];

    /// <summary>Kinds that must be refused.</summary>
    public static bool IsInvalid(int kind) => kind is 7 or 11;

    public static Gen<LedgerOp> Op { get; } =
        from kind in Gen.Frequency(
            (15, Gen.Constant(0)), // deposit
            (25, Gen.Constant(1)), // buy
            (20, Gen.Constant(2)), // sell
            (6, Gen.Constant(3)), // withdraw
            (10, Gen.Constant(4)), // revalue
            (8, Gen.Constant(5)), // accrue fees
            (4, Gen.Constant(6)), // pause / activate
            (12, Gen.Constant(7)), // invalid
            (5, Gen.Constant(8)), // treasury deposit
            (14, Gen.Constant(9)), // treasury fill (buy or sell)
            (5, Gen.Constant(10)), // treasury mark / yield
            (5, Gen.Constant(11))) // invalid treasury command
        from wallet in Gen.Choose(0, Wallets)
        from token in Gen.Choose(0, Symbols.Length - 1)
        from cents in Gen.Frequency((8, Gen.Choose(1, 500_000).Select(x => (long)x)), (1, Gen.Choose(1, 3).Select(x => (long)x)))
        from percent in Gen.Choose(-40, 120)
        from days in Gen.Choose(0, 120)
        select new LedgerOp(kind, wallet, token, cents, percent, days);

    public static Gen<List<LedgerOp>> Sequence { get; } =
        from n in Gen.Choose(1, 50)
        from ops in Gen.ListOf(Op, n)
        select ops.ToList();

    public static Arbitrary<List<LedgerOp>> Arbitrary => Arb.From(Sequence);

    /// <summary>Commands that create the wallets (keys w0..w2) and tokens, both active.</summary>
    public static IEnumerable<LedgerCommand> SetUp()
    {
        for (var i = 0; i < Wallets; i++)
        {
            yield return new LedgerCommand.CreateWallet("org", WalletMode.Manual, RiskTolerance.Moderate, "w" + i.ToString(CultureInfo.InvariantCulture));
        }

        for (var t = 0; t < Symbols.Length; t++)
        {
            yield return new LedgerCommand.CreateToken(Symbols[t], Symbols[t], "s" + t.ToString(CultureInfo.InvariantCulture), UnitPrice.Of(1m + t), Inception, Fees[t]);
            yield return new LedgerCommand.ChangeTokenStatus(Symbols[t], TokenStatus.Active);
        }
    }

    public static string Address(int wallet) =>
        wallet >= Wallets ? "0x00000000000000000000000000000000000000ff" : WalletAddress.Derive("org", "w" + wallet.ToString(CultureInfo.InvariantCulture));

    /// <summary>The command for <paramref name="op"/> given the current state (used only to size sells and dates).</summary>
    public static LedgerCommand Command(LedgerOp op, int index, Func<string, string, decimal> sharesOf, Func<string, StrategyToken?> token, Func<string, decimal>? unitsOf = null)
    {
        var key = "k" + index.ToString(CultureInfo.InvariantCulture);
        var address = Address(op.Wallet);
        var symbol = Symbols[op.Token];
        var cash = Money.Usd(op.Cents / 100m);
        switch (op.Kind)
        {
            case 0:
                return new LedgerCommand.Deposit(address, cash, key);
            case 1:
                return new LedgerCommand.Buy(address, symbol, cash, key);
            case 2:
                var held = sharesOf(address, symbol);
                var sell = op.Percent > 100 ? held + 1m : RoundingPolicy.SharesIssued(held * Math.Abs(op.Percent) / 100m);
                return new LedgerCommand.Sell(address, symbol, Shares.Of(sell == 0m ? 0.00000001m : sell), key);
            case 3:
                return new LedgerCommand.Withdraw(address, cash, key);
            case 4:
                var nav = token(symbol)?.ReferenceNav.Value ?? 1m;
                return new LedgerCommand.Revalue(symbol, UnitPrice.Of(Math.Max(0.0001m, RoundingPolicy.PriceDown(nav * (1m + (op.Percent / 400m))))), key);
            case 5:
                var last = token(symbol)?.LastFeeDate ?? Inception;
                return new LedgerCommand.AccrueFees(symbol, last.AddDays(op.Days - 2), key, 0.0001m, ClosesPeriod: op.Percent % 7 == 0);
            case 6:
                var status = token(symbol)?.Status == TokenStatus.Active ? TokenStatus.Paused : TokenStatus.Active;
                return new LedgerCommand.ChangeTokenStatus(symbol, status);
            case 8:
                return new LedgerCommand.TreasuryDeposit(Organisation, cash, key);
            case 9:
                return TreasuryFill(op, key, unitsOf?.Invoke(Assets[op.Token]) ?? 0m, 0m);
            case 10:
                return new LedgerCommand.TreasuryRevalue(Organisation, Assets[op.Token], AssetPrice(op), op.Token == 1, key);
            case 11:
                return (Math.Abs(op.Percent) % 4) switch
                {
                    0 => TreasuryFill(op with { Days = 0 }, key, 0m, 1m),
                    1 => new LedgerCommand.TreasuryDeposit(Organisation, cash, ""),
                    2 => new LedgerCommand.TreasuryRevalue(Organisation, "CASH", 1m, false, key),
                    _ => new LedgerCommand.TreasuryDeposit("Not An Org", cash, key),
                };
            default:
                return (op.Percent % 5) switch
                {
                    0 => new LedgerCommand.Deposit(address, Money.Usd(-cash.Amount), key),
                    1 or -1 => new LedgerCommand.Buy(address, symbol, Money.Usd((op.Cents / 100m) + 0.001m), key),
                    2 or -2 => new LedgerCommand.Buy(address, "NOPE", cash, key),
                    3 or -3 => new LedgerCommand.Sell(address, symbol, Shares.Of(0m), key),
                    _ => new LedgerCommand.Deposit(address, cash, ""),
                };
        }
    }

    /// <summary>BTC 36,000–52,000; the yield index 0.96–1.12 (10 decimals at most).</summary>
    private static decimal AssetPrice(LedgerOp op) => op.Token == 0 ? 40_000m + (op.Percent * 100m) + 0.12345678m : 1m + (op.Percent / 1000m) + 0.0000012345m;

    /// <summary>A buy of the op's cents (even days) or a sale of a percentage of what is held (odd days, &gt; 100% oversells);
    /// <paramref name="notionalError"/> shifts the notional off quantity × price.</summary>
    private static LedgerCommand.TreasuryTrade TreasuryFill(LedgerOp op, string key, decimal held, decimal notionalError)
    {
        var price = AssetPrice(op);
        var buy = op.Days % 2 == 0;
        decimal quantity;
        decimal notional;
        if (buy)
        {
            notional = op.Cents / 100m;
            quantity = RoundingPolicy.Down(notional / price, LedgerUnit.AssetScale);
        }
        else
        {
            quantity = op.Percent > 100 ? held + 1m : RoundingPolicy.Down(held * Math.Abs(op.Percent) / 100m, LedgerUnit.AssetScale);
            quantity = quantity == 0m ? 0.0000000001m : quantity;
            notional = RoundingPolicy.Down(quantity * price, 2);
        }

        notional += notionalError;
        var fee = RoundingPolicy.Down(notional * 0.001m, 2);
        var slippage = RoundingPolicy.Down(notional * 0.0005m, 2);
        return new LedgerCommand.TreasuryTrade(
            Organisation, Assets[op.Token], Venues[op.Token], buy ? OrderSide.Buy : OrderSide.Sell, quantity, price,
            Money.Usd(notional), Money.Usd(Math.Max(0m, fee)), Money.Usd(Math.Max(0m, slippage)), key, op.Token == 1);
    }
}
