using TreasuryArena.Core.Wallets.Optimization;

namespace TreasuryArena.Core.Wallets.Proposals;

/// <summary>Port: allocation snapshots and HYBRID proposals.</summary>
public interface IWalletAllocationStore
{
    /// <summary>Stores the inputs an optimizer run shares by all its wallets (once per run, before its snapshots).</summary>
    Task SaveRunAsync(OptimizerRun run, CancellationToken ct);

    Task<OptimizerRun?> FindRunAsync(Guid runId, CancellationToken ct);

    /// <summary>Stores snapshots in one transaction.</summary>
    Task SaveSnapshotsAsync(IReadOnlyList<AllocationSnapshot> snapshots, CancellationToken ct);

    Task<IReadOnlyList<AllocationSnapshot>> SnapshotsAsync(string address, int limit, CancellationToken ct);

    /// <summary>The as-of date of each wallet's last executed rebalance.</summary>
    Task<IReadOnlyDictionary<string, DateOnly>> LastExecutedAsync(CancellationToken ct);

    /// <summary>Stores a pending proposal; any other pending proposal of the wallet becomes expired ("superseded").</summary>
    Task AddProposalAsync(WalletProposal proposal, CancellationToken ct);

    Task<WalletProposal?> FindProposalAsync(Guid id, CancellationToken ct);

    Task<IReadOnlyList<WalletProposal>> ProposalsAsync(string? address, ProposalStatus? status, CancellationToken ct);

    /// <summary>Moves a pending proposal to <paramref name="status"/>; false when it was no longer pending.</summary>
    Task<bool> TryDecideAsync(Guid id, ProposalStatus status, string decidedBy, DateTimeOffset at, string? note, CancellationToken ct);
}
