using TreasuryArena.Core.Common;
using TreasuryArena.Core.Fees;
using TreasuryArena.Core.Tokens;

namespace TreasuryArena.Core.Ledger;

/// <summary>The token commands: create, change status, revalue (NAV) and accrue fees (management, performance, hurdle).</summary>
public sealed partial class LedgerState
{
    private LedgerResult CreateToken(LedgerCommand.CreateToken c, LedgerBatchBuilder batch)
    {
        if (TokenSymbol.Problem(c.Symbol) is { } sp)
        {
            return Refuse(c, LedgerError.InvalidSymbol, sp);
        }

        if (tokens.Contains(c.Symbol))
        {
            return Refuse(c, LedgerError.DuplicateToken, $"token {c.Symbol} already exists");
        }

        if (string.IsNullOrWhiteSpace(c.Name) || c.Name.Length > 200 || string.IsNullOrWhiteSpace(c.StrategyId) || c.StrategyId.Length > 200)
        {
            return Refuse(c, LedgerError.InvalidRequest, "name and strategy id are required (at most 200 characters)");
        }

        if (PriceProblem(c.InitialNav) is { } np)
        {
            return Refuse(c, LedgerError.InvalidAmount, "initial NAV: " + np);
        }

        if (c.Fees is null)
        {
            return Refuse(c, LedgerError.InvalidRequest, "a fee schedule is required");
        }

        var token = new StrategyToken(c.Symbol, c.Name, c.StrategyId, TokenStatus.Proving, c.Fees, c.InceptionDate, c.InitialNav, c.InitialNav, c.InceptionDate, c.InceptionDate);
        tokens.Set(token);
        batch.Token(token);
        return LedgerResult.Ok(c.Kind, ++LastOperationId) with { Symbol = c.Symbol, NavPerShare = c.InitialNav };
    }

    private LedgerResult ChangeStatus(LedgerCommand.ChangeTokenStatus c, LedgerBatchBuilder batch)
    {
        if (c.Symbol is null || !tokens.TryGet(c.Symbol, out var t))
        {
            return Refuse(c, LedgerError.UnknownToken, $"no token {c.Symbol}");
        }

        if (!TokenLifecycle.CanTransition(t.Status, c.Status))
        {
            return Refuse(c, LedgerError.IllegalTransition, $"{t.Symbol} cannot go from {t.Status} to {c.Status}");
        }

        var updated = t with { Status = c.Status };
        tokens.Set(updated);
        batch.Token(updated);
        return LedgerResult.Ok(c.Kind, ++LastOperationId) with { Symbol = t.Symbol, NavPerShare = NavPerShare(t.Symbol) };
    }

    private LedgerResult Revalue(LedgerCommand.Revalue c, DateTimeOffset at, LedgerBatchBuilder batch)
    {
        if (Admit(c, c.IdempotencyKey, at) is { } early)
        {
            return early;
        }

        if (PriceProblem(c.NavPerShare) is { } ap)
        {
            return Refuse(c, LedgerError.InvalidAmount, ap);
        }

        if (c.Symbol is null || !tokens.TryGet(c.Symbol, out var token))
        {
            return Refuse(c, LedgerError.UnknownToken, $"no token {c.Symbol}");
        }

        var supply = Supply(token.Symbol).Value;
        var gav = GrossAssetValue(token.Symbol).Amount;
        var target = supply > 0m ? RoundingPolicy.ValueDown(c.NavPerShare.Value * supply, Currency.Usd) : 0m;
        if (target > AmountRules.MaxCashBalance)
        {
            return Refuse(c, LedgerError.InvalidAmount, "the fund would exceed what the ledger stores");
        }

        legs.Clear();
        if (target > gav)
        {
            legs.Add(new Leg(EntryKind.Revalue, "", LedgerUnit.Usd, LedgerAccount.Market(token.Symbol), LedgerAccount.Fund(token.Symbol), target - gav));
        }
        else if (target < gav)
        {
            legs.Add(new Leg(EntryKind.Revalue, "", LedgerUnit.Usd, LedgerAccount.Fund(token.Symbol), LedgerAccount.Market(token.Symbol), gav - target));
        }

        // The struck NAV becomes the reference NAV the virtual shares are valued at: the price is then
        // (floor₂(NAV × supply) + V·NAV) / (supply + V), within 0.01 / (supply + V) of the NAV.
        SetToken(token with { ReferenceNav = c.NavPerShare }, batch);
        return Commit(c.Kind, c.IdempotencyKey, at, batch, token.Symbol);
    }

    private LedgerResult AccrueFees(LedgerCommand.AccrueFees c, DateTimeOffset at, LedgerBatchBuilder batch)
    {
        if (Admit(c, c.IdempotencyKey, at) is { } early)
        {
            return early;
        }

        if (c.Symbol is null || !tokens.TryGet(c.Symbol, out var token))
        {
            return Refuse(c, LedgerError.UnknownToken, $"no token {c.Symbol}");
        }

        if (c.AsOf < token.LastFeeDate)
        {
            return Refuse(c, LedgerError.InvalidRequest, $"{token.Symbol} fees are already accrued to {token.LastFeeDate:yyyy-MM-dd}");
        }

        if (c.HurdleDailyRate < 0m || c.HurdleDailyRate >= 0.01m || !RoundingPolicy.FitsScale(c.HurdleDailyRate, FeeCalculator.HurdleIndexScale))
        {
            return Refuse(c, LedgerError.InvalidAmount, $"a daily hurdle rate is in [0, 0.01) with at most {FeeCalculator.HurdleIndexScale} decimals");
        }

        var days = c.AsOf.DayNumber - token.LastFeeDate.DayNumber;
        var gav = GrossAssetValue(token.Symbol);
        var supply = Supply(token.Symbol);
        var management = supply.IsZero ? Money.Usd(0m) : FeeCalculator.ManagementFee(gav, token.Fees, days);
        var afterManagement = gav - management;
        var updated = token with { LastFeeDate = c.AsOf };
        if (token.Fees.Hurdle != PerformanceHurdle.None && days > 0)
        {
            updated = updated with { HurdleIndex = FeeCalculator.GrowHurdleIndex(token.HurdleIndex, c.HurdleDailyRate, days) };
        }

        var closedThrough = FeeCalculator.CrystallisationThrough(token.Fees.Crystallisation, token.LastCrystallisationDate, c.AsOf, c.ClosesPeriod);
        var performance = Money.Usd(0m);
        if (closedThrough is { } through)
        {
            var mark = updated.HurdleMark;
            performance = FeeCalculator.PerformanceFee(afterManagement, supply, mark, token.Fees);
            updated = updated with { LastCrystallisationDate = through };
            if (!supply.IsZero && afterManagement.Amount > mark.Value * supply.Value)
            {
                // Above the mark: the mark resets to the post-fee price and the hurdle starts again from it.
                updated = updated with
                {
                    HighWaterMark = FeeCalculator.HighWaterMarkAfter(afterManagement - performance, supply),
                    HighWaterMarkDate = c.AsOf,
                    HurdleIndex = 1m,
                };
            }
        }

        // The virtual shares pay the same fraction of the fund as the real ones (see SharePricing.ReferenceAfterFees).
        updated = updated with { ReferenceNav = SharePricing.ReferenceAfterFees(token.ReferenceNav, gav.Amount, (afterManagement - performance).Amount) };

        legs.Clear();
        if (!management.IsZero)
        {
            legs.Add(new Leg(EntryKind.Fee, FeeMemo.Management, LedgerUnit.Usd, LedgerAccount.Fund(token.Symbol), LedgerAccount.Revenue, management.Amount));
        }

        if (!performance.IsZero)
        {
            legs.Add(new Leg(EntryKind.Fee, FeeMemo.Performance, LedgerUnit.Usd, LedgerAccount.Fund(token.Symbol), LedgerAccount.Revenue, performance.Amount));
        }

        SetToken(updated, batch);
        return Commit(c.Kind, c.IdempotencyKey, at, batch, token.Symbol);
    }

    private void SetToken(StrategyToken token, LedgerBatchBuilder batch)
    {
        tokens.Set(token);
        batch.Token(token);
    }
}
