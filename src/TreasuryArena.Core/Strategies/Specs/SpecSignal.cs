namespace TreasuryArena.Core.Strategies.Specs;

/// <summary>A named indicator block, e.g. <c>trend: {type: price_above_ma, asset: BTC, window: 200}</c>.</summary>
public sealed record SpecSignal(string Id, string Type, IReadOnlyDictionary<string, SpecScalar> Fields, int Line);
