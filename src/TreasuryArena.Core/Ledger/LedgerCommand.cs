using TreasuryArena.Core.Common;
using TreasuryArena.Core.Fees;
using TreasuryArena.Core.Tokens;
using TreasuryArena.Core.Wallets;

namespace TreasuryArena.Core.Ledger;

/// <summary>A request to the ledger. Money-moving commands carry a client-supplied idempotency key.</summary>
public abstract record LedgerCommand
{
    private LedgerCommand()
    {
    }

    public abstract LedgerOperationKind Kind { get; }

    /// <summary>
    /// The business date the command's entries are priced at (see <see cref="LedgerEntry.ValuationDate"/>). Null: the
    /// ledger decides: a fee accrual's as-of date; a buy, sell or revaluation: the date of the token's last NAV; any
    /// other command: the platform date of the ledger's business clock (the instant's UTC date without one).
    /// </summary>
    public DateOnly? ValuationDate { get; init; }

    /// <summary>Creates a wallet whose address is derived from the organisation and the key (a repeat returns it).</summary>
    public sealed record CreateWallet(string Organisation, WalletMode Mode, RiskTolerance Risk, string IdempotencyKey, string? Name = null) : LedgerCommand
    {
        public override LedgerOperationKind Kind => LedgerOperationKind.CreateWallet;
    }

    public sealed record UpdateWallet(string Address, WalletMode Mode, RiskTolerance Risk) : LedgerCommand
    {
        public override LedgerOperationKind Kind => LedgerOperationKind.UpdateWallet;
    }

    /// <summary>Registers a token in status <see cref="TokenStatus.Proving"/>; its HWM starts at the initial NAV.</summary>
    public sealed record CreateToken(string Symbol, string Name, string StrategyId, UnitPrice InitialNav, DateOnly InceptionDate, FeeSchedule Fees) : LedgerCommand
    {
        public override LedgerOperationKind Kind => LedgerOperationKind.CreateToken;
    }

    public sealed record ChangeTokenStatus(string Symbol, TokenStatus Status) : LedgerCommand
    {
        public override LedgerOperationKind Kind => LedgerOperationKind.ChangeTokenStatus;
    }

    public sealed record Deposit(string Address, Money Amount, string IdempotencyKey) : LedgerCommand
    {
        public override LedgerOperationKind Kind => LedgerOperationKind.Deposit;
    }

    public sealed record Withdraw(string Address, Money Amount, string IdempotencyKey) : LedgerCommand
    {
        public override LedgerOperationKind Kind => LedgerOperationKind.Withdraw;
    }

    /// <summary>Spends <paramref name="Cash"/> (fee included) from the wallet on shares at the current NAV.</summary>
    public sealed record Buy(string Address, string Symbol, Money Cash, string IdempotencyKey) : LedgerCommand
    {
        public override LedgerOperationKind Kind => LedgerOperationKind.Buy;
    }

    /// <summary>Redeems <paramref name="Shares"/> at the current NAV; the wallet receives the proceeds less the fee.</summary>
    public sealed record Sell(string Address, string Symbol, Shares Shares, string IdempotencyKey) : LedgerCommand
    {
        public override LedgerOperationKind Kind => LedgerOperationKind.Sell;
    }

    /// <summary>Sets the token's NAV per share (its backing portfolio's new value); GAV becomes floor₂(NAV × supply).</summary>
    public sealed record Revalue(string Symbol, UnitPrice NavPerShare, string IdempotencyKey) : LedgerCommand
    {
        public override LedgerOperationKind Kind => LedgerOperationKind.Revalue;
    }

    /// <summary>
    /// Accrues management fees up to <paramref name="AsOf"/>, grows the hurdle of a token with one at
    /// <paramref name="HurdleDailyRate"/> (a daily simple rate, applied to each day since the last accrual), and
    /// crystallises the performance fee when <paramref name="AsOf"/> ends a period
    /// (see <see cref="Fees.FeeCalculator.CrystallisationThrough"/>). <paramref name="ClosesPeriod"/>: the caller
    /// knows <paramref name="AsOf"/> is the last NAV day of its period (the period's last calendar day has no price).
    /// </summary>
    public sealed record AccrueFees(string Symbol, DateOnly AsOf, string IdempotencyKey, decimal HurdleDailyRate = 0m, bool ClosesPeriod = false) : LedgerCommand
    {
        public override LedgerOperationKind Kind => LedgerOperationKind.AccrueFees;
    }

    /// <summary>Capital into an organisation's treasury cash from outside (opens the treasury on first use).</summary>
    public sealed record TreasuryDeposit(string Organisation, Money Amount, string IdempotencyKey) : LedgerCommand
    {
        public override LedgerOperationKind Kind => LedgerOperationKind.TreasuryDeposit;
    }

    /// <summary>
    /// One paper fill of the treasury: <paramref name="Quantity"/> units of <paramref name="Asset"/> bought or sold on
    /// <paramref name="Venue"/> at <paramref name="Price"/>, for <paramref name="Notional"/> (within a cent plus one unit
    /// step of quantity × price), paying <paramref name="Fee"/> and <paramref name="Slippage"/> from the treasury's cash.
    /// The position is first marked to the fill price (as yield accrual when <paramref name="IsYield"/>); one atomic
    /// group of entries.
    /// </summary>
    public sealed record TreasuryTrade(
        string Organisation, string Asset, string Venue, OrderSide Side, decimal Quantity, decimal Price, Money Notional, Money Fee, Money Slippage, string IdempotencyKey, bool IsYield = false) : LedgerCommand
    {
        public override LedgerOperationKind Kind => LedgerOperationKind.TreasuryTrade;
    }

    /// <summary>Marks a treasury position to floor₂(units × <paramref name="Price"/>); <paramref name="IsYield"/> records it as yield accrual.</summary>
    public sealed record TreasuryRevalue(string Organisation, string Asset, decimal Price, bool IsYield, string IdempotencyKey) : LedgerCommand
    {
        public override LedgerOperationKind Kind => LedgerOperationKind.TreasuryRevalue;
    }
}
