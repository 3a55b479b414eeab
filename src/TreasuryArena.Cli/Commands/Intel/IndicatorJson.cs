namespace TreasuryArena.Cli.Commands.Intel;

/// <summary>One indicator in JSON: <c>value</c> is null when missing.</summary>
internal sealed record IndicatorJson(double? Value, string Source, DateTimeOffset? AsOf, bool Stale, bool Missing, double? AgeDays, string? Label, string? Note);
