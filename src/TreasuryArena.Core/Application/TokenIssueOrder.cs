using TreasuryArena.Core.Fees;

namespace TreasuryArena.Core.Application;

/// <summary>Issue a proving token backed by a library strategy (name and initial NAV default when null).</summary>
public sealed record TokenIssueOrder(
    string Strategy,
    string Symbol,
    IReadOnlyDictionary<string, string>? Parameters,
    DateOnly? Inception,
    string? Name,
    decimal? InitialNav,
    PerformanceHurdle Hurdle);
