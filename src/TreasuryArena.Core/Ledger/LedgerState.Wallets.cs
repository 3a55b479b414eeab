using TreasuryArena.Core.Common;
using TreasuryArena.Core.Wallets;

namespace TreasuryArena.Core.Ledger;

/// <summary>The wallet commands: create, update (mode, risk), deposit and withdraw cash.</summary>
public sealed partial class LedgerState
{
    private LedgerResult CreateWallet(LedgerCommand.CreateWallet c, DateTimeOffset at, LedgerBatchBuilder batch)
    {
        if (KeyProblem(c.IdempotencyKey) is { } kp)
        {
            return Refuse(c, LedgerError.InvalidRequest, kp);
        }

        if (string.IsNullOrWhiteSpace(c.Organisation) || c.Organisation.Length > 200)
        {
            return Refuse(c, LedgerError.InvalidRequest, "organisation is required (at most 200 characters)");
        }

        if (!Enum.IsDefined(c.Mode) || !Enum.IsDefined(c.Risk))
        {
            return Refuse(c, LedgerError.InvalidRequest, "unknown wallet mode or risk tolerance");
        }

        if (c.Name is { } name && (name.Length > FreeText.NameMaxLength || FreeText.Violation(name) is not null))
        {
            return Refuse(c, LedgerError.InvalidRequest, "the wallet name breaks the free-text policy");
        }

        var address = WalletAddress.Derive(c.Organisation, c.IdempotencyKey);
        if (wallets.Contains(address))
        {
            return LedgerResult.Ok(c.Kind, 0) with { Repeated = true, Address = address };
        }

        var wallet = new Wallet(address, c.Organisation, c.Mode, c.Risk, at, c.Name);
        wallets.Set(wallet);
        batch.Wallet(wallet);
        return LedgerResult.Ok(c.Kind, ++LastOperationId) with { Address = address };
    }

    private LedgerResult UpdateWallet(LedgerCommand.UpdateWallet c, LedgerBatchBuilder batch)
    {
        if (c.Address is null || !wallets.TryGet(c.Address, out var w))
        {
            return Refuse(c, LedgerError.UnknownWallet, $"no wallet {c.Address}");
        }

        if (!Enum.IsDefined(c.Mode) || !Enum.IsDefined(c.Risk))
        {
            return Refuse(c, LedgerError.InvalidRequest, "unknown wallet mode or risk tolerance");
        }

        var updated = w with { Mode = c.Mode, Risk = c.Risk };
        wallets.Set(updated);
        batch.Wallet(updated);
        return LedgerResult.Ok(c.Kind, ++LastOperationId) with { Address = w.Address };
    }

    private LedgerResult Deposit(LedgerCommand.Deposit c, DateTimeOffset at, LedgerBatchBuilder batch)
    {
        if (Admit(c, c.IdempotencyKey, at) is { } early)
        {
            return early;
        }

        if (CashProblem(c.Amount) is { } ap)
        {
            return Refuse(c, LedgerError.InvalidAmount, ap);
        }

        if (c.Address is null || !wallets.Contains(c.Address))
        {
            return Refuse(c, LedgerError.UnknownWallet, $"no wallet {c.Address}");
        }

        var wallet = LedgerAccount.Wallet(c.Address);
        if (Balance(wallet, LedgerUnit.Usd) + c.Amount.Amount > AmountRules.MaxCashBalance)
        {
            return Refuse(c, LedgerError.InvalidAmount, "the wallet balance would exceed what the ledger stores");
        }

        legs.Clear();
        legs.Add(new Leg(EntryKind.Deposit, "", LedgerUnit.Usd, LedgerAccount.External, wallet, c.Amount.Amount));
        return Commit(c.Kind, c.IdempotencyKey, at, batch);
    }

    private LedgerResult Withdraw(LedgerCommand.Withdraw c, DateTimeOffset at, LedgerBatchBuilder batch)
    {
        if (Admit(c, c.IdempotencyKey, at) is { } early)
        {
            return early;
        }

        if (CashProblem(c.Amount) is { } ap)
        {
            return Refuse(c, LedgerError.InvalidAmount, ap);
        }

        if (c.Address is null || !wallets.Contains(c.Address))
        {
            return Refuse(c, LedgerError.UnknownWallet, $"no wallet {c.Address}");
        }

        var wallet = LedgerAccount.Wallet(c.Address);
        if (Balance(wallet, LedgerUnit.Usd) < c.Amount.Amount)
        {
            return Refuse(c, LedgerError.InsufficientCash, $"wallet has {CashOf(c.Address)}, asked to withdraw {c.Amount}");
        }

        legs.Clear();
        legs.Add(new Leg(EntryKind.Withdraw, "", LedgerUnit.Usd, wallet, LedgerAccount.External, c.Amount.Amount));
        return Commit(c.Kind, c.IdempotencyKey, at, batch);
    }
}
