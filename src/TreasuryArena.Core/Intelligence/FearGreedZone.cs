namespace TreasuryArena.Core.Intelligence;

/// <summary>The Fear &amp; Greed zone the signal reacts to.</summary>
public enum FearGreedZone
{
    Unknown,
    ExtremeFear,
    Neutral,
    ExtremeGreed,
}
