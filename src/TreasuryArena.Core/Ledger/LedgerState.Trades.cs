using TreasuryArena.Core.Common;
using TreasuryArena.Core.Fees;
using TreasuryArena.Core.Tokens;

namespace TreasuryArena.Core.Ledger;

/// <summary>The trade commands: buy (subscribe) and sell (redeem) a token's shares at the one NAV per share.</summary>
public sealed partial class LedgerState
{
    private LedgerResult Buy(LedgerCommand.Buy c, DateTimeOffset at, LedgerBatchBuilder batch)
    {
        if (Admit(c, c.IdempotencyKey, at) is { } early)
        {
            return early;
        }

        if (CashProblem(c.Cash) is { } ap)
        {
            return Refuse(c, LedgerError.InvalidAmount, ap);
        }

        if (c.Address is null || !wallets.Contains(c.Address))
        {
            return Refuse(c, LedgerError.UnknownWallet, $"no wallet {c.Address}");
        }

        if (c.Symbol is null || !tokens.TryGet(c.Symbol, out var token))
        {
            return Refuse(c, LedgerError.UnknownToken, $"no token {c.Symbol}");
        }

        if (!TokenLifecycle.CanBuy(token.Status))
        {
            return Refuse(c, LedgerError.TokenNotTradable, $"{token.Symbol} is {token.Status}; buying needs an active token");
        }

        var wallet = LedgerAccount.Wallet(c.Address);
        if (Balance(wallet, LedgerUnit.Usd) < c.Cash.Amount)
        {
            return Refuse(c, LedgerError.InsufficientCash, $"wallet has {CashOf(c.Address)}, asked to spend {c.Cash}");
        }

        var fee = FeeCalculator.TradeFee(c.Cash, token.Fees).Amount;
        var net = c.Cash.Amount - fee;
        var supply = Supply(token.Symbol).Value;
        var gav = GrossAssetValue(token.Symbol).Amount;

        // ERC-4626 deposit with a virtual offset: shares = floor₈(net × (supply + V) / (GAV + V·R)).
        var shares = SharePricing.SharesIssued(net, gav, supply, token.ReferenceNav);
        if (shares <= 0m)
        {
            return Refuse(c, LedgerError.InvalidAmount, $"{c.Cash} buys less than one unit (10^-8) of {token.Symbol}");
        }

        if (supply + shares > AmountRules.MaxShares || gav + net > AmountRules.MaxCashBalance)
        {
            return Refuse(c, LedgerError.InvalidAmount, "the fund would exceed what the ledger stores");
        }

        if (supply == 0m)
        {
            // The first subscription into a fund with no shares outstanding starts the performance-fee mark at the
            // NAV it buys at: no holder pays a performance fee on a gain made before they held (docs/readme/02-ledger.md).
            SetToken(token with { HighWaterMark = NavPerShare(token.Symbol), HighWaterMarkDate = token.LastFeeDate, HurdleIndex = 1m }, batch);
        }

        var unit = LedgerUnit.SharesOf(token.Symbol);
        legs.Clear();
        legs.Add(new Leg(EntryKind.Buy, "", LedgerUnit.Usd, wallet, LedgerAccount.Fund(token.Symbol), net));
        if (fee > 0m)
        {
            legs.Add(new Leg(EntryKind.Fee, FeeMemo.Trade, LedgerUnit.Usd, wallet, LedgerAccount.Revenue, fee));
        }

        legs.Add(new Leg(EntryKind.Mint, "", unit, LedgerAccount.Issuance(token.Symbol), wallet, shares));
        return Commit(c.Kind, c.IdempotencyKey, at, batch, token.Symbol);
    }

    private LedgerResult Sell(LedgerCommand.Sell c, DateTimeOffset at, LedgerBatchBuilder batch)
    {
        if (Admit(c, c.IdempotencyKey, at) is { } early)
        {
            return early;
        }

        if (AmountRules.Problem(c.Shares.Value, Shares.Scale, "shares") is { } ap)
        {
            return Refuse(c, LedgerError.InvalidAmount, ap);
        }

        if (c.Address is null || !wallets.Contains(c.Address))
        {
            return Refuse(c, LedgerError.UnknownWallet, $"no wallet {c.Address}");
        }

        if (c.Symbol is null || !tokens.TryGet(c.Symbol, out var token))
        {
            return Refuse(c, LedgerError.UnknownToken, $"no token {c.Symbol}");
        }

        if (!TokenLifecycle.CanSell(token.Status))
        {
            return Refuse(c, LedgerError.TokenNotTradable, $"{token.Symbol} is {token.Status}");
        }

        var wallet = LedgerAccount.Wallet(c.Address);
        var unit = LedgerUnit.SharesOf(token.Symbol);
        var held = Balance(wallet, unit);
        if (held < c.Shares.Value)
        {
            return Refuse(c, LedgerError.InsufficientShares, $"wallet holds {held} {token.Symbol}, asked to sell {c.Shares}");
        }

        var supply = Supply(token.Symbol).Value;
        var gav = GrossAssetValue(token.Symbol).Amount;

        // ERC-4626 redeem with a virtual offset: gross = floor₂(shares × (GAV + V·R) / (supply + V)), at most GAV.
        // Selling the wallet's whole holding always goes through, so no dust is left: shares worth less than a cent
        // are burned for nothing (their value stays with the fund).
        var gross = SharePricing.CashPaidOut(c.Shares.Value, gav, supply, token.ReferenceNav);
        if (gross <= 0m && c.Shares.Value < held)
        {
            return Refuse(c, LedgerError.InvalidAmount, $"{c.Shares} {token.Symbol} are worth less than one cent (sell the whole holding to close it)");
        }

        var fee = FeeCalculator.TradeFee(Money.Usd(gross), token.Fees).Amount;
        legs.Clear();
        legs.Add(new Leg(EntryKind.Burn, "", unit, wallet, LedgerAccount.Issuance(token.Symbol), c.Shares.Value));
        if (gross > 0m)
        {
            legs.Add(new Leg(EntryKind.Sell, "", LedgerUnit.Usd, LedgerAccount.Fund(token.Symbol), wallet, gross));
        }

        if (fee > 0m)
        {
            legs.Add(new Leg(EntryKind.Fee, FeeMemo.Trade, LedgerUnit.Usd, wallet, LedgerAccount.Revenue, fee));
        }

        return Commit(c.Kind, c.IdempotencyKey, at, batch, token.Symbol);
    }
}
