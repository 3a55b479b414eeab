using System.Globalization;
using System.Text.Json;
using TreasuryArena.Core.Approvals;
using TreasuryArena.Core.Audit;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Notifications;
using TreasuryArena.Core.Policy;
using TreasuryArena.Core.Wallets.Plans;

namespace TreasuryArena.Core.Application;

/// <summary>
/// Buy and sell for a person (API, CLI): the owner's plan first — a buy of a token the wallet does not hold yet must
/// stay within the plan's token limit (<see cref="PlanPolicy.CheckHoldings"/>, refused <c>plan_limit</c> and audited as
/// <c>trade.buy</c>) — then, for a member's trade worth more than the organisation's dual-control threshold, a stored
/// request awaiting a second member's approval (<see cref="DualControl"/>: <see cref="TradeOutcome.AwaitingApproval"/>),
/// else the <see cref="TradeDesk"/> (checks, compliance gate with its audit, ledger).
/// The yearly compliance review (<see cref="ComplianceDocumentUseCases.TradingWarningsAsync"/>) warns a trade of the
/// wallet's organisation when an item is overdue, or refuses it (<c>compliance_review_overdue</c>) where configured.
/// </summary>
public sealed class TradeUseCases(LedgerService ledger, IIdentityStore identity, TradeDesk desk, IAuditLog audit, PlanPolicy plans, PolicyUseCases? policies = null, DualControl? dualControl = null, ComplianceDocumentUseCases? review = null, INotifier? notifier = null, TimeProvider? time = null)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>A person's trade: role, plan, the two-person rule, then the desk.</summary>
    public Task<TradeOutcome> ExecuteAsync(TradeOrder order, CancellationToken ct) => RunAsync(order, secondApproval: false, ct);

    /// <summary>
    /// The trade of an approval a second member has just given (<see cref="ApprovalUseCases"/>): the same checks as
    /// <see cref="ExecuteAsync"/> except the two-person rule, which is satisfied.
    /// </summary>
    internal Task<TradeOutcome> ExecuteApprovedAsync(TradeOrder order, CancellationToken ct) => RunAsync(order, secondApproval: true, ct);

    /// <summary>The request a pending trade approval stores (<see cref="PendingApproval.Payload"/>).</summary>
    internal sealed record Payload(string Address, string Symbol, OrderSide Side, decimal Amount);

    internal static Payload ReadPayload(PendingApproval approval) =>
        JsonSerializer.Deserialize<Payload>(approval.Payload, Json) ?? throw new InvalidOperationException($"approval {approval.Id} has no trade payload");

    private async Task<TradeOutcome> RunAsync(TradeOrder order, bool secondApproval, CancellationToken ct)
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

        // The desk's own checks (amount, cash, token, wallet) answer first: only a well-formed buy is measured against the IPS.
        if (order.Side == OrderSide.Buy && desk.Precheck(order) is null && await PolicyRefusalAsync(order, ct) is { } breach)
        {
            return breach;
        }

        if (!secondApproval && dualControl is not null && desk.Precheck(order) is null && await AwaitingApprovalAsync(dualControl, order, ct) is { } pending)
        {
            return new TradeOutcome.AwaitingApproval(pending);
        }

        var outcome = await desk.ExecuteAsync(order, ct);
        return warnings.Count == 0 ? outcome : outcome with { Warnings = warnings };
    }

    /// <summary>The organisation's IPS (<see cref="PolicyCheck.CheckBuy"/>): a buy that would breach it is refused <c>policy_breach</c> naming the clause, audited as <c>trade.buy</c>. Sells never breach.</summary>
    private async Task<TradeOutcome.Refused?> PolicyRefusalAsync(TradeOrder order, CancellationToken ct)
    {
        var wallet = ledger.GetWallet(order.Address);
        if (policies is null || wallet is null || !Guid.TryParse(wallet.Wallet.Organisation, out var orgId) || order.Amount <= 0m
            || await policies.CheckBuyAsync(orgId, order.Symbol, order.Amount, ct) is not { } breach)
        {
            return null;
        }

        var ex = new DomainException(Outcome.PolicyBreach, breach.Message);
        await AuditTrail.RefusedAsync(audit, order.Caller, "trade.buy", wallet.Wallet.Address, ex, new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["symbol"] = order.Symbol,
            ["amount"] = order.Amount.ToString(CultureInfo.InvariantCulture),
            ["clause"] = breach.Clause,
            ["measured"] = breach.Measured.ToString(CultureInfo.InvariantCulture),
            ["limit"] = breach.Limit.ToString(CultureInfo.InvariantCulture),
        }, ct);
        if (notifier is not null && time is not null)
        {
            await notifier.NotifyAsync(new Notification(NotificationKinds.PolicyBreach, wallet.Wallet.Address,
                string.Create(CultureInfo.InvariantCulture, $"buy of {order.Symbol} for ${order.Amount:N2} by {order.Caller.MemberName} refused by the investment policy: {breach.Message}"),
                time.GetUtcNow(), orgId), ct);
        }

        return new TradeOutcome.Refused(Outcome.PolicyBreach, breach.Message, breach.Clause);
    }

    private async Task<PendingApproval?> AwaitingApprovalAsync(DualControl dual, TradeOrder order, CancellationToken ct)
    {
        var wallet = ledger.GetWallet(order.Address);
        var token = ledger.GetToken(order.Symbol);
        if (wallet is null || token is null || !Guid.TryParse(wallet.Wallet.Organisation, out var orgId) || order.Amount <= 0m || !order.Caller.CanRead(orgId))
        {
            return null; // the desk refuses unknown wallets and tokens, bad amounts and other organisations' wallets with its own codes
        }

        var usd = order.Side == OrderSide.Buy ? order.Amount : order.Amount * token.NavPerShare.Value;
        var summary = order.Side == OrderSide.Buy
            ? string.Create(CultureInfo.InvariantCulture, $"buy {token.Token.Symbol} for ${order.Amount:N2} in wallet {wallet.Wallet.Address}")
            : string.Create(CultureInfo.InvariantCulture, $"sell {order.Amount:0.######} shares of {token.Token.Symbol} (about ${usd:N2}) from wallet {wallet.Wallet.Address}");
        var payload = JsonSerializer.Serialize(new Payload(wallet.Wallet.Address, token.Token.Symbol, order.Side, order.Amount), Json);
        return await dual.RequireSecondAsync(order.Caller, ApprovalKind.Trade, orgId, usd, summary, payload, ct);
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
