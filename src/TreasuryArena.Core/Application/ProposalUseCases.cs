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
/// </summary>
public sealed class ProposalUseCases(LedgerService ledger, IWalletAllocationStore store, IAuditLog audit, Func<CancellationToken, Task<WalletRebalancer>> rebalancer)
{
    public async Task<WalletRunResult> DecideAsync(Caller actor, ProposalDecision request, CancellationToken ct)
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
