using TreasuryArena.Core.Advice;

namespace TreasuryArena.Core.Treasury;

public sealed record TargetWeight(string Asset, string Venue, AssetClass AssetClass, decimal Weight);
