namespace TreasuryArena.Core.Strategies.Specs;

/// <summary>The <c>rebalance</c> block: calendar, drift threshold, on-signal and minimum trade.</summary>
public sealed record SpecRebalance(SpecScalar? Calendar, SpecScalar? Drift, bool OnSignal, SpecScalar? MinTrade, int Line);
