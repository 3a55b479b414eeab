using TreasuryArena.Core.Advice;

namespace TreasuryArena.Core.Treasury;

/// <summary>One organisation's treasury ready to use: its registration, its manager (capital, targets, venues, positions in
/// the ledger, memory) and its decision journal (decisions and outcomes).</summary>
public sealed record TreasuryScope(TreasuryAccount Account, TreasuryManager Manager, IDecisionJournal Journal);
