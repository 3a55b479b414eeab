using System.Globalization;
using System.Text.Json;
using TreasuryArena.Core.Approvals;
using TreasuryArena.Core.Audit;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Wallets.Optimization;
using TreasuryArena.Core.Wallets.Proposals;

namespace TreasuryArena.Core.Application;

/// <summary>
/// Approve or reject a pending HYBRID proposal, the same from the API and the CLI: the proposal must belong to a wallet
/// the actor may act for (else <c>proposal_not_found</c>), then the rebalancer decides it (an expired or stale proposal
/// is refused <c>proposal_expired</c>, a decided one <c>proposal_closed</c>; approval re-checks the plan and runs the
/// orders through compliance), and the decision is audited as <c>proposal.approve</c> or <c>proposal.reject</c>
/// (refusals under the same action with their code). The rebalancer is built per decision over the current universe.
/// A member's approval of a proposal whose orders sum above the organisation's dual-control threshold executes nothing:
/// it awaits a second member's approval (<see cref="WalletRunResult.Pending"/>, audited <c>approval.request</c>).
/// </summary>
public sealed class ProposalUseCases(LedgerService ledger, IWalletAllocationStore store, IAuditLog audit, Func<CancellationToken, Task<WalletRebalancer>> rebalancer, DualControl? dualControl = null)
{
    /// <summary>The action of a result that awaits a second approval.</summary>
    public const string AwaitingSecondApproval = "awaiting_second_approval";

    /// <summary>A member's or the operator's decision (the two-person rule applies to a member's approval).</summary>
    public Task<WalletRunResult> DecideAsync(Caller actor, ProposalDecision request, CancellationToken ct) => RunAsync(actor, request, secondApproval: false, ct);

    /// <summary>The decision of an approval a second member has just given (<see cref="ApprovalUseCases"/>).</summary>
    internal Task<WalletRunResult> DecideApprovedAsync(Caller actor, ProposalDecision request, CancellationToken ct) => RunAsync(actor, request, secondApproval: true, ct);

    private async Task<WalletRunResult> RunAsync(Caller actor, ProposalDecision request, bool secondApproval, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var action = request.Approve ? "proposal.approve" : "proposal.reject";
        var subject = request.Proposal.ToString();
        var detail = new Dictionary<string, object?>(StringComparer.Ordinal) { ["note"] = request.Note };
        WalletRunResult result;
        try
        {
            RoleRules.RequireTreasurer(actor, action);
            var note = FreeText.Optional(request.Note, FreeText.Note);
            var proposal = await store.FindProposalAsync(request.Proposal, ct);
            if (proposal is null || ledger.GetWallet(proposal.WalletAddress) is not { } wallet || !actor.CanRead(Guid.Parse(wallet.Wallet.Organisation)))
            {
                throw new DomainException(Outcome.ProposalNotFound, $"no proposal {request.Proposal} for your organisation");
            }

            detail["wallet"] = proposal.WalletAddress;
            if (request.Approve && !secondApproval && dualControl is not null && proposal.Status == ProposalStatus.Pending)
            {
                var usd = proposal.Orders.Sum(o => o.Amount);
                var summary = string.Create(CultureInfo.InvariantCulture, $"approve proposal {proposal.Id} ({proposal.Orders.Count} orders, ${usd:N2}) for wallet {proposal.WalletAddress}");
                var payload = JsonSerializer.Serialize(new Dictionary<string, object?>(StringComparer.Ordinal) { ["proposal"] = proposal.Id, ["note"] = note });
                if (await dualControl.RequireSecondAsync(actor, ApprovalKind.Proposal, Guid.Parse(wallet.Wallet.Organisation), usd, summary, payload, ct) is { } pending)
                {
                    return new WalletRunResult(proposal.WalletAddress, "HYBRID", AwaitingSecondApproval, proposal.TargetWeights, proposal.Orders, [], summary + " awaits a second approval", null, proposal.Id)
                    {
                        Pending = pending,
                    };
                }
            }

            result = await (await rebalancer(ct)).DecideProposalAsync(request.Proposal, request.Approve, actor.Actor, note, ct);
        }
        catch (DomainException ex)
        {
            throw await AuditTrail.RefusedAsync(audit, actor, action, subject, ex, detail, ct);
        }

        detail["action"] = result.Action;
        detail["orders"] = result.Orders.Count;
        detail["executed"] = result.Executions.Count(e => e.Executed);
        await AuditTrail.DoneAsync(audit, actor, action, subject, detail, ct);
        return result;
    }
}
