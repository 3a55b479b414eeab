using System.Globalization;
using TreasuryArena.Core.Audit;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Wallets;
using TreasuryArena.Core.Wallets.Plans;

namespace TreasuryArena.Core.Application;

/// <summary>
/// The wallet use cases, the same whichever door calls them (API, CLI, demo): create a wallet, change its mode and risk,
/// deposit, withdraw. Each checks who acts (a treasurer of the owning organisation, or an admin/operator), applies the
/// organisation's plan (<see cref="PlanPolicy.CheckMode"/>), calls the ledger and writes its audit record
/// (<c>wallet.create</c>, <c>wallet.mode</c>, <c>wallet.deposit</c>, <c>wallet.withdraw</c>; refusals under the same
/// action with their code). Refusals are <see cref="DomainException"/>s; a ledger refusal carries
/// <see cref="TradeDesk.CodeFor"/>'s code.
/// </summary>
public sealed class WalletUseCases(LedgerService ledger, IIdentityStore identity, IAuditLog audit, PlanPolicy plans)
{
    public const string CreateAction = "wallet.create";
    public const string ModeAction = "wallet.mode";
    public const string DepositAction = "wallet.deposit";
    public const string WithdrawAction = "wallet.withdraw";

    /// <summary>Creates the wallet (and makes the first deposit when asked); returns it.</summary>
    public async Task<WalletView> CreateAsync(Caller actor, NewWallet request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var detail = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["mode"] = PlanPolicy.ModeName(request.Mode),
            ["risk"] = AuditTrail.Lower(request.Risk),
        };
        var org = await FindOrganisationAsync(request.Organisation, ct);
        var subject = org?.Id.ToString() ?? request.Organisation;
        string? name = null;
        try
        {
            RoleRules.RequireTreasurer(actor, CreateAction);
            name = FreeText.Optional(request.Name, FreeText.WalletName);
            detail["name"] = name;
            if (org is null || !CanAct(actor, org.Id))
            {
                throw new DomainException(Outcome.UnknownOrganisation, $"no organisation named {request.Organisation} (create it with `arena org create`)");
            }

            detail["organisation"] = org.Id.ToString();
            detail["plan"] = AuditTrail.Lower(org.Plan);
            plans.CheckMode(org.Plan, request.Mode);
            if (request.Deposit is { } d && d <= 0m)
            {
                throw new DomainException(Outcome.InvalidAmount, "the first deposit must be a positive USD amount");
            }
        }
        catch (DomainException ex)
        {
            throw await AuditTrail.RefusedAsync(audit, actor, CreateAction, subject, ex, detail, ct);
        }

        var created = await ledger.CreateWalletAsync(org.Id.ToString(), name, request.Mode, request.Risk, request.IdempotencyKey, ct);
        if (!created.Accepted)
        {
            throw await AuditTrail.RefusedAsync(audit, actor, CreateAction, subject, LedgerRefusal(created), detail, ct);
        }

        var address = created.Address!;
        if (!created.Repeated)
        {
            detail["deposit"] = request.Deposit;
            await AuditTrail.DoneAsync(audit, actor, CreateAction, address, detail, ct);
            if (request.Deposit is { } amount)
            {
                await DepositAsync(actor, new CashMovement(address, amount, "deposit:" + address + ":initial"), ct);
            }
        }

        return ledger.GetWallet(address)!;
    }

    /// <summary>Changes the wallet's mode (and risk, when given) after checking the owner's plan allows the mode; returns the wallet.</summary>
    public async Task<WalletView> ChangeModeAsync(Caller actor, WalletModeChange request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var detail = new Dictionary<string, object?>(StringComparer.Ordinal) { ["mode"] = PlanPolicy.ModeName(request.Mode) };
        WalletView view;
        try
        {
            RoleRules.RequireTreasurer(actor, ModeAction);
            view = Find(actor, request.Address);
            var org = await identity.FindOrganisationAsync(Guid.Parse(view.Wallet.Organisation), ct)
                      ?? throw new DomainException(Outcome.UnknownOrganisation, $"the wallet's organisation {view.Wallet.Organisation} is not registered");
            detail["risk"] = AuditTrail.Lower(request.Risk ?? view.Wallet.Risk);
            detail["from_mode"] = PlanPolicy.ModeName(view.Wallet.Mode);
            detail["from_risk"] = AuditTrail.Lower(view.Wallet.Risk);
            detail["plan"] = AuditTrail.Lower(org.Plan);
            plans.CheckMode(org.Plan, request.Mode);
        }
        catch (DomainException ex)
        {
            throw await AuditTrail.RefusedAsync(audit, actor, ModeAction, request.Address ?? "", ex, detail, ct);
        }

        var result = await ledger.UpdateWalletAsync(view.Wallet.Address, request.Mode, request.Risk ?? view.Wallet.Risk, ct);
        if (!result.Accepted)
        {
            throw await AuditTrail.RefusedAsync(audit, actor, ModeAction, view.Wallet.Address, LedgerRefusal(result), detail, ct);
        }

        await AuditTrail.DoneAsync(audit, actor, ModeAction, view.Wallet.Address, detail, ct);
        return ledger.GetWallet(view.Wallet.Address)!;
    }

    /// <summary>Deposits USD into the wallet; returns the ledger's result (a repeat of the key returns the first and audits nothing).</summary>
    public Task<LedgerResult> DepositAsync(Caller actor, CashMovement request, CancellationToken ct) => MoveCashAsync(actor, request, deposit: true, ct);

    /// <summary>Withdraws USD from the wallet (refused beyond its cash); returns the ledger's result.</summary>
    public Task<LedgerResult> WithdrawAsync(Caller actor, CashMovement request, CancellationToken ct) => MoveCashAsync(actor, request, deposit: false, ct);

    /// <summary>The wallet <paramref name="actor"/> may see, or <c>wallet_not_found</c> (another organisation's wallet is "not found").</summary>
    public WalletView Find(Caller actor, string? address)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (WalletAddress.IsValid(address) && ledger.GetWallet(address!) is { } view && actor.CanRead(Guid.Parse(view.Wallet.Organisation)))
        {
            return view;
        }

        throw new DomainException(Outcome.WalletNotFound, $"no wallet {address} in your organisation");
    }

    private async Task<LedgerResult> MoveCashAsync(Caller actor, CashMovement request, bool deposit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var action = deposit ? DepositAction : WithdrawAction;
        var detail = new Dictionary<string, object?>(StringComparer.Ordinal) { ["amount"] = request.Amount.ToString(CultureInfo.InvariantCulture) };
        WalletView view;
        try
        {
            RoleRules.RequireTreasurer(actor, action);
            view = Find(actor, request.Address);
        }
        catch (DomainException ex)
        {
            throw await AuditTrail.RefusedAsync(audit, actor, action, request.Address ?? "", ex, detail, ct);
        }

        var result = deposit
            ? await ledger.DepositAsync(view.Wallet.Address, Money.Usd(request.Amount), request.IdempotencyKey, ct)
            : await ledger.WithdrawAsync(view.Wallet.Address, Money.Usd(request.Amount), request.IdempotencyKey, ct);
        if (!result.Accepted)
        {
            throw await AuditTrail.RefusedAsync(audit, actor, action, view.Wallet.Address, LedgerRefusal(result), detail, ct);
        }

        if (!result.Repeated)
        {
            await AuditTrail.DoneAsync(audit, actor, action, view.Wallet.Address, detail, ct);
        }

        return result;
    }

    private async Task<Organisation?> FindOrganisationAsync(string organisation, CancellationToken ct) =>
        (Guid.TryParse(organisation, out var id) ? await identity.FindOrganisationAsync(id, ct) : null)
        ?? await identity.FindOrganisationByNameAsync(organisation, ct);

    private static bool CanAct(Caller actor, Guid organisation) => actor.Role == Role.Admin || actor.OrganisationId == organisation;

    /// <summary>A ledger refusal as the domain error the doors map (the ledger error's outcome through <see cref="OutcomeTable.ToOutcome(Ledger.LedgerError)"/>, the ledger's message).</summary>
    public static DomainException LedgerRefusal(LedgerResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new DomainException(result.Error.ToOutcome(), result.Message ?? result.Error.ToString());
    }
}
