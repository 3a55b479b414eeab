using System.Globalization;
using TreasuryArena.Core.Audit;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Wallets.Plans;

namespace TreasuryArena.Core.Application;

/// <summary>
/// Buy and sell for a person (API, CLI): the owner's plan first — a buy of a token the wallet does not hold yet must
/// stay within the plan's token limit (<see cref="PlanPolicy.CheckHoldings"/>, refused <c>plan_limit</c> and audited as
/// <c>trade.buy</c>) — then the <see cref="TradeDesk"/> (checks, compliance gate with its audit, ledger).
/// The yearly compliance review (<see cref="ComplianceDocumentUseCases.TradingWarningsAsync"/>) warns a trade of the
/// wallet's organisation when an item is overdue, or refuses it (<c>compliance_review_overdue</c>) where configured.
/// </summary>
public sealed class TradeUseCases(LedgerService ledger, IIdentityStore identity, TradeDesk desk, IAuditLog audit, PlanPolicy plans, ComplianceDocumentUseCases? review = null)
{
    public async Task<TradeOutcome> ExecuteAsync(TradeOrder order, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        IReadOnlyList<string> warnings;
        try
        {
            RoleRules.RequireTreasurer(order.Caller, "trade." + AuditTrail.Lower(order.Side));
            warnings = await ReviewWarningsAsync(order, ct);
        }
        catch (DomainException ex)
        {
            await AuditTrail.RefusedAsync(audit, order.Caller, "trade." + AuditTrail.Lower(order.Side), order.Address, ex, new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["symbol"] = order.Symbol,
                ["amount"] = order.Amount.ToString(CultureInfo.InvariantCulture),
            }, ct);
            return new TradeOutcome.Refused(ex.Outcome, ex.Message, null);
        }

        if (order.Side == OrderSide.Buy && await HoldingsRefusalAsync(order, ct) is { } refused)
        {
            return refused;
        }

        var outcome = await desk.ExecuteAsync(order, ct);
        return warnings.Count == 0 ? outcome : outcome with { Warnings = warnings };
    }

    private async Task<IReadOnlyList<string>> ReviewWarningsAsync(TradeOrder order, CancellationToken ct) =>
        review is not null && ledger.GetWallet(order.Address) is { } wallet && Guid.TryParse(wallet.Wallet.Organisation, out var orgId)
        && order.Caller.CanRead(orgId) // another organisation's wallet: the desk answers not found, nothing leaks
            ? await review.TradingWarningsAsync(orgId, ct)
            : [];

    private async Task<TradeOutcome.Refused?> HoldingsRefusalAsync(TradeOrder order, CancellationToken ct)
    {
        var wallet = ledger.GetWallet(order.Address);
        var token = ledger.GetToken(order.Symbol);
        if (wallet is null || token is null || !Guid.TryParse(wallet.Wallet.Organisation, out var orgId))
        {
            return null; // the desk refuses unknown wallets and tokens with its own codes
        }

        var held = wallet.Holdings.Where(h => h.Shares.Value > 0m).Select(h => h.Symbol).ToHashSet(StringComparer.Ordinal);
        if (held.Contains(token.Token.Symbol) || await identity.FindOrganisationAsync(orgId, ct) is not { } org)
        {
            return null;
        }

        try
        {
            plans.CheckHoldings(org.Plan, held.Count + 1);
            return null;
        }
        catch (DomainException ex)
        {
            await AuditTrail.RefusedAsync(audit, order.Caller, "trade." + AuditTrail.Lower(order.Side), wallet.Wallet.Address, ex, new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["symbol"] = token.Token.Symbol,
                ["amount"] = order.Amount.ToString(CultureInfo.InvariantCulture),
                ["plan"] = AuditTrail.Lower(org.Plan),
                ["tokens_held"] = held.Count,
            }, ct);
            return new TradeOutcome.Refused(ex.Outcome, ex.Message, "symbol");
        }
    }
}
