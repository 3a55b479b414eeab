namespace TreasuryArena.Core.Ledger;

/// <summary>
/// Where a journal stands: the last entry's sequence number and hash (<see cref="EntryHasher.Genesis"/> and 0 when
/// empty), and the revision, which every commit raises by one (including commits that only create or change a wallet
/// or a token and write no entry). A process that knows a head knows every commit up to it; an append is conditional
/// on the head it validated against still being the journal's head.
/// </summary>
public readonly record struct LedgerHead(long Sequence, string Hash, long Revision)
{
    /// <summary>The head of an empty journal.</summary>
    public static LedgerHead Empty => new(0, EntryHasher.Genesis, 0);
}
