namespace TreasuryArena.Core.Audit;

/// <summary>Checks a chain one entry at a time (for stores that page through it); stops at the first break.</summary>
public sealed class AuditChainVerifier
{
    private string _previous = AuditChain.Genesis;
    private long _expected = 1;
    private long _count;
    private AuditVerification? _failure;

    /// <summary>Checks the next entry; false once the chain is broken.</summary>
    public bool Add(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (_failure is not null)
        {
            return false;
        }

        string? problem = null;
        if (entry.Sequence != _expected)
        {
            problem = $"sequence gap: expected {_expected}, found {entry.Sequence}";
        }
        else if (!string.Equals(entry.PreviousHash, _previous, StringComparison.Ordinal))
        {
            problem = "previous hash does not match the entry before";
        }
        else
        {
            var record = new AuditRecord(entry.Actor, entry.Action, entry.Subject, entry.Outcome, entry.Detail);
            if (!string.Equals(AuditChain.ComputeHash(entry.Sequence, entry.At, record, entry.PreviousHash), entry.Hash, StringComparison.Ordinal))
            {
                problem = "entry hash does not match its content";
            }
        }

        if (problem is not null)
        {
            _failure = new AuditVerification(false, _count, entry.Sequence, problem);
            return false;
        }

        _previous = entry.Hash;
        _expected++;
        _count++;
        return true;
    }

    public AuditVerification Result => _failure ?? new AuditVerification(true, _count, null, null);
}
