namespace TreasuryArena.Cli.Commands.Demo;

/// <summary>What <c>arena demo</c> built (holds: compliance holds still pending for an admin at the end, each
/// expiring after the hold lifetime, and held plans superseded by a newer plan for the same wallet), read back from the ledger and the stores (<c>--json</c> prints this).</summary>
internal sealed record DemoSummary(
    string Database,
    string KeysFile,
    DateOnly Inception,
    DateOnly ReplayFrom,
    DateOnly ReplayTo,
    IReadOnlyList<DemoTokenRow> Tokens,
    IReadOnlyList<DemoWalletRow> Wallets,
    IReadOnlyList<DemoDecision> Decisions,
    IReadOnlyList<DemoKey> Keys,
    int ProposalsApproved,
    int ProposalsPending,
    int Executions,
    int HoldsPending,
    int HoldsSuperseded,
    bool LedgerOk,
    long LedgerEntries,
    double Seconds)
{
    /// <summary>The demo church's IPS at work: a refused breach, a two-person approval, the board report (issue 21).</summary>
    public DemoPolicy? Policy { get; init; }
}
