using TreasuryArena.Core.Treasury;

namespace TreasuryArena.Core.Application;

/// <summary>What a job's run did for one organisation's treasury: the treasury, its organisation's name and the result.</summary>
public sealed record OrganisationTreasuryRun<T>(TreasuryAccount Account, string Organisation, T Result);
