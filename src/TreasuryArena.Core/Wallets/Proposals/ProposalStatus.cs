namespace TreasuryArena.Core.Wallets.Proposals;

/// <summary>Where a HYBRID wallet's proposal stands. Only <see cref="Pending"/> may be decided.</summary>
public enum ProposalStatus
{
    Pending,
    Executed,
    Rejected,
    Expired,
}
