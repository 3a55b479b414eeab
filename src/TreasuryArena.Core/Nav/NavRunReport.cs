namespace TreasuryArena.Core.Nav;

/// <summary>What a NAV run (one day, or a catch-up over a range) did.</summary>
public sealed record NavRunReport(DateOnly To, int RowsWritten, IReadOnlyList<NavTokenReport> Tokens);
