using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Ledger;

/// <summary>
/// The treasury commands of the ledger (its books are <see cref="TreasuryBooks"/>): an organisation's treasury cash, its
/// positions (asset units and USD carrying value) and their cost basis. Commands: <see cref="LedgerCommand.TreasuryDeposit"/>, <see cref="LedgerCommand.TreasuryTrade"/>
/// and <see cref="LedgerCommand.TreasuryRevalue"/>; a refusal changes nothing.
/// </summary>
public sealed partial class LedgerState
{
    /// <summary>The most units of one asset a position may hold (10^8; 10^18 at scale 10 fits 64 bits).</summary>
    public const decimal MaxAssetUnits = 100_000_000m;

    private static bool IsTreasuryOperation(LedgerOperationKind kind) =>
        kind is LedgerOperationKind.TreasuryDeposit or LedgerOperationKind.TreasuryTrade or LedgerOperationKind.TreasuryRevalue;

    private static string? CostProblem(Money amount, string what) =>
        amount.Currency != Currency.Usd ? $"{what} must be USD"
        : amount.Amount < 0m ? $"{what} must not be negative"
        : amount.Amount == 0m ? null
        : AmountRules.Problem(amount.Amount, Currency.Usd.Scale, what);

    private static string? UnitPriceProblem(decimal price) =>
        price > AmountRules.MaxUnitPrice ? "a price may not exceed 1e9 USD" : AmountRules.Problem(price, LedgerUnit.AssetScale, "a price");

    private LedgerResult TreasuryDeposit(LedgerCommand.TreasuryDeposit c, DateTimeOffset at, LedgerBatchBuilder batch)
    {
        if (Admit(c, c.IdempotencyKey, at) is { } early)
        {
            return early;
        }

        if (TreasuryNames.Name(c.Organisation) is not { } org)
        {
            return Refuse(c, LedgerError.InvalidRequest, $"`{c.Organisation}` is not an organisation name (1–40 of a-z 0-9 . _ -)");
        }

        if (CashProblem(c.Amount) is { } ap)
        {
            return Refuse(c, LedgerError.InvalidAmount, ap);
        }

        var cash = LedgerAccount.TreasuryCash(org);
        if (Balance(cash, LedgerUnit.Usd) + c.Amount.Amount > AmountRules.MaxCashBalance)
        {
            return Refuse(c, LedgerError.InvalidAmount, "the treasury's cash would exceed what the ledger stores");
        }

        legs.Clear();
        legs.Add(new Leg(EntryKind.Deposit, "", LedgerUnit.Usd, LedgerAccount.External, cash, c.Amount.Amount));
        return Commit(c.Kind, c.IdempotencyKey, at, batch);
    }

    private LedgerResult TreasuryTrade(LedgerCommand.TreasuryTrade c, DateTimeOffset at, LedgerBatchBuilder batch)
    {
        if (Admit(c, c.IdempotencyKey, at) is { } early)
        {
            return early;
        }

        if (TreasuryNames.Name(c.Organisation) is not { } org || !treasuries.Contains(org))
        {
            return Refuse(c, LedgerError.UnknownWallet, $"no treasury `{c.Organisation}`: deposit its capital first");
        }

        var asset = TreasuryNames.Asset(c.Asset);
        var venue = TreasuryNames.Name(c.Venue);
        if (asset is null || venue is null || !Enum.IsDefined(c.Side))
        {
            return Refuse(c, LedgerError.InvalidRequest, "a fill needs an asset (A-Z 0-9 . _ -, not CASH), a venue (a-z 0-9 . _ -) and a side");
        }

        var problem = AmountRules.Problem(c.Quantity, LedgerUnit.AssetScale, "units") ?? UnitPriceProblem(c.Price) ??
                      CashProblem(c.Notional) ?? CostProblem(c.Fee, "the fee") ?? CostProblem(c.Slippage, "the slippage");
        if (problem is not null)
        {
            return Refuse(c, LedgerError.InvalidAmount, problem);
        }

        var notional = c.Notional.Amount;
        if (Math.Abs(notional - (c.Quantity * c.Price)) > TreasuryNames.NotionalTolerance(c.Price))
        {
            return Refuse(c, LedgerError.InvalidAmount, $"notional {notional} is not {c.Quantity} × {c.Price} (fills are at the price)");
        }

        var cashAccount = LedgerAccount.TreasuryCash(org);
        var position = LedgerAccount.TreasuryPosition(org, asset);
        var unit = LedgerUnit.Asset(asset);
        var cash = Balance(cashAccount, LedgerUnit.Usd);
        var held = Balance(position, unit);
        var carrying = Balance(position, LedgerUnit.Usd);
        var marked = RoundingPolicy.Down(held * c.Price, Currency.Usd.Scale);
        var costs = c.Fee.Amount + c.Slippage.Amount;
        legs.Clear();
        if (c.Side == OrderSide.Buy)
        {
            if (cash < notional + costs)
            {
                return Refuse(c, LedgerError.InsufficientCash, $"the treasury has {cash} USD, the fill needs {notional + costs}");
            }

            if (held + c.Quantity > MaxAssetUnits || marked + notional > AmountRules.MaxCashBalance)
            {
                return Refuse(c, LedgerError.InvalidAmount, "the position would exceed what the ledger stores");
            }

            AddMark(org, position, carrying, marked, c.IsYield ? TreasuryNames.YieldMemo : TreasuryNames.MarkMemo);
            legs.Add(new Leg(EntryKind.Purchase, "", LedgerUnit.Usd, cashAccount, position, notional));
            legs.Add(new Leg(EntryKind.Receive, TreasuryNames.PriceMemo(c.Price), unit, LedgerAccount.Venue(venue), position, c.Quantity));
        }
        else
        {
            if (held < c.Quantity)
            {
                return Refuse(c, LedgerError.InsufficientShares, $"the treasury holds {held} {asset}, asked to sell {c.Quantity}");
            }

            if (notional > marked)
            {
                return Refuse(c, LedgerError.InvalidAmount, $"proceeds {notional} exceed the position's value {marked} at {c.Price}");
            }

            if (cash + notional < costs)
            {
                return Refuse(c, LedgerError.InsufficientCash, $"the treasury has {cash} USD, the fill's costs are {costs}");
            }

            AddMark(org, position, carrying, marked, c.IsYield ? TreasuryNames.YieldMemo : TreasuryNames.MarkMemo);
            legs.Add(new Leg(EntryKind.Deliver, TreasuryNames.PriceMemo(c.Price), unit, position, LedgerAccount.Venue(venue), c.Quantity));
            legs.Add(new Leg(EntryKind.Proceeds, "", LedgerUnit.Usd, position, cashAccount, notional));
        }

        if (c.Fee.Amount > 0m)
        {
            legs.Add(new Leg(EntryKind.Fee, FeeMemo.Venue, LedgerUnit.Usd, cashAccount, LedgerAccount.VenueFees, c.Fee.Amount));
        }

        if (c.Slippage.Amount > 0m)
        {
            legs.Add(new Leg(EntryKind.Fee, FeeMemo.Slippage, LedgerUnit.Usd, cashAccount, LedgerAccount.VenueFees, c.Slippage.Amount));
        }

        if (c.Side == OrderSide.Sell && c.Quantity == held)
        {
            // The position is closed: whatever carrying value the rounding left goes back to the market account.
            AddMark(org, position, marked - notional, 0m, TreasuryNames.MarkMemo);
        }

        return Commit(c.Kind, c.IdempotencyKey, at, batch);
    }

    private LedgerResult TreasuryRevalue(LedgerCommand.TreasuryRevalue c, DateTimeOffset at, LedgerBatchBuilder batch)
    {
        if (Admit(c, c.IdempotencyKey, at) is { } early)
        {
            return early;
        }

        if (TreasuryNames.Name(c.Organisation) is not { } org || !treasuries.Contains(org))
        {
            return Refuse(c, LedgerError.UnknownWallet, $"no treasury `{c.Organisation}`: deposit its capital first");
        }

        if (TreasuryNames.Asset(c.Asset) is not { } asset)
        {
            return Refuse(c, LedgerError.InvalidRequest, $"`{c.Asset}` is not an asset name");
        }

        if (UnitPriceProblem(c.Price) is { } pp)
        {
            return Refuse(c, LedgerError.InvalidAmount, pp);
        }

        var position = LedgerAccount.TreasuryPosition(org, asset);
        var target = RoundingPolicy.Down(Balance(position, LedgerUnit.Asset(asset)) * c.Price, Currency.Usd.Scale);
        if (target > AmountRules.MaxCashBalance)
        {
            return Refuse(c, LedgerError.InvalidAmount, "the position would exceed what the ledger stores");
        }

        legs.Clear();
        AddMark(org, position, Balance(position, LedgerUnit.Usd), target, c.IsYield ? TreasuryNames.YieldMemo : TreasuryNames.MarkMemo);
        return Commit(c.Kind, c.IdempotencyKey, at, batch);
    }

    private void AddMark(string org, LedgerAccount position, decimal from, decimal to, string memo)
    {
        if (to > from)
        {
            legs.Add(new Leg(EntryKind.Mark, memo, LedgerUnit.Usd, LedgerAccount.TreasuryMarket(org), position, to - from));
        }
        else if (to < from)
        {
            legs.Add(new Leg(EntryKind.Mark, memo, LedgerUnit.Usd, position, LedgerAccount.TreasuryMarket(org), from - to));
        }
    }

    /// <summary>Applies a treasury operation's entries (live or replayed): cost basis first, then the balances.</summary>
    private LedgerResult ApplyTreasuryOperation(List<LedgerEntry> entries)
    {
        var first = entries[0];
        var org = TreasuryOrganisation(entries);
        var book = treasuries.Open(org);

        decimal cash = 0m, fee = 0m;
        string? asset = null;
        foreach (var e in entries)
        {
            switch (e.Kind)
            {
                case EntryKind.Deposit or EntryKind.Purchase or EntryKind.Proceeds:
                    cash += e.Amount;
                    break;
                case EntryKind.Fee:
                    fee += e.Amount;
                    break;
                case EntryKind.Mark:
                    asset ??= (e.To.IsTreasury ? e.To : e.From).Id[(org.Length + "treasury:".Length + 1)..];
                    break;
                case EntryKind.Receive or EntryKind.Deliver:
                    asset = e.Unit.AssetCode;
                    break;
                default:
                    throw new DomainException(Outcome.LedgerEntryKind, $"{e.Kind} has no place in a treasury operation");
            }
        }

        if (entries.FirstOrDefault(e => e.Kind is EntryKind.Receive or EntryKind.Deliver) is { } unitLeg)
        {
            var position = book.Position(unitLeg.Unit.AssetCode);
            var held = Balance(LedgerAccount.TreasuryPosition(org, unitLeg.Unit.AssetCode), unitLeg.Unit);
            if (unitLeg.Kind == EntryKind.Receive)
            {
                position.Cost += cash + fee;
                position.Venue = unitLeg.From.Owner;
            }
            else
            {
                var remaining = held - unitLeg.Amount;
                position.Cost = held == 0m ? 0m : RoundingPolicy.Cents(position.Cost * remaining / held);
                position.Venue = unitLeg.To.Owner;
            }
        }

        foreach (var e in entries)
        {
            balances.Apply(e);
        }

        LastSequence = entries[^1].Sequence;
        LastHash = entries[^1].Hash;
        LastOperationId = Math.Max(LastOperationId, first.OperationId);
        book.LastOperationId = first.OperationId;
        var result = LedgerResult.Ok(first.Operation, first.OperationId) with { Address = org, Symbol = asset, Cash = Money.Usd(cash), Fee = Money.Usd(fee) };
        memory.Remember(first.IdempotencyKey, result, first.At);
        return result;
    }

    /// <summary>The organisation of a treasury operation: the <c>{org}</c> of its <c>treasury:{org}:…</c> account.</summary>
    private static string TreasuryOrganisation(List<LedgerEntry> entries)
    {
        foreach (var e in entries)
        {
            foreach (var account in (ReadOnlySpan<LedgerAccount>)[e.From, e.To])
            {
                if (account.IsTreasury)
                {
                    var rest = account.Id["treasury:".Length..];
                    var colon = rest.IndexOf(':', StringComparison.Ordinal);
                    if (colon > 0)
                    {
                        return rest[..colon];
                    }
                }
            }
        }

        throw new DomainException(Outcome.LedgerTreasury, $"operation {entries[0].OperationId} touches no treasury account");
    }
}
