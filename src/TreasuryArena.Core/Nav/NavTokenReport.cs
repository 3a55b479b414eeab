namespace TreasuryArena.Core.Nav;

/// <summary>What one NAV run did for one token.</summary>
public sealed record NavTokenReport(
    string Symbol,
    string Status,
    int RowsWritten,
    DateOnly? LastDate,
    decimal? Nav,
    IReadOnlyList<LifecycleEvent> Events,
    string? Note);
