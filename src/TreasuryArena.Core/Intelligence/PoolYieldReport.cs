namespace TreasuryArena.Core.Intelligence;

/// <summary>The pool yields a source could serve, with the same source / as-of / stale reporting as indicators.</summary>
public sealed record PoolYieldReport(IReadOnlyList<PoolYield> Pools, string Source, DateTimeOffset? AsOf, bool Stale, string? Note);
