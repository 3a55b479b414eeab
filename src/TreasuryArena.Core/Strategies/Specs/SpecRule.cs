namespace TreasuryArena.Core.Strategies.Specs;

/// <summary>
/// Target weights used when every signal in <see cref="When"/> holds (<c>!id</c> negates). Rules are tried in
/// order and the first match wins; the last rule has no conditions.
/// </summary>
public sealed record SpecRule(IReadOnlyList<SpecScalar> When, IReadOnlyDictionary<string, SpecScalar> Weights, int Line, int WeightsLine);
