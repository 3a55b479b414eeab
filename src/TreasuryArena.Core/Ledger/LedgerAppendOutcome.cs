namespace TreasuryArena.Core.Ledger;

/// <summary>The result of a conditional append (see <see cref="Ports.ILedgerAppendTurn.AppendAsync"/>).</summary>
public enum LedgerAppendOutcome
{
    /// <summary>The batch is durable and the journal's head is the one returned.</summary>
    Appended,

    /// <summary>
    /// The journal's head was no longer the expected one (another process appended, or a sequence number was taken):
    /// nothing was written; the caller catches up and validates again.
    /// </summary>
    Conflict,
}
