namespace TreasuryArena.Cli.Commands.Demo;

/// <summary>What <c>arena demo</c> built, read back from the ledger and the stores (<c>--json</c> prints this).</summary>
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
    bool LedgerOk,
    long LedgerEntries,
    double Seconds);
