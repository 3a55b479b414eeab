using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Treasury;

namespace TreasuryArena.Core.Application;

/// <summary>
/// What a daily treasury run did: the advisor's daily decision and, in FULL_AI when it acts, the executed rebalance;
/// or, for a scheduled run on a date already analysed, only <see cref="Existing"/> (the journal entry of that date).
/// </summary>
public sealed record TreasuryRun(AdviceResult? Daily, AdviceResult? Executed, JournalEntry? Existing);
