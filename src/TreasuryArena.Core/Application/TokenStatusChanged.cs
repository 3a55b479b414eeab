using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Nav;

namespace TreasuryArena.Core.Application;

/// <summary>The lifecycle event recorded, the audit action it was recorded under, and (retire) the holders' settlements.</summary>
public sealed record TokenStatusChanged(string Action, LifecycleEvent Event, IReadOnlyList<LedgerResult> Settlements);
