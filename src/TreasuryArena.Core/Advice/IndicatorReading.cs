namespace TreasuryArena.Core.Advice;

/// <summary>One market indicator as an advisor sees it: value (null when missing), where it came from and how old it is.</summary>
public sealed record IndicatorReading(string Name, double? Value, string Source, DateOnly? ObservedOn, int? AgeDays, bool Stale);
