namespace TreasuryArena.Core.Intelligence;

/// <summary>The market cycle phase. Wire form is upper snake case (<c>EARLY_BULL</c>), see <see cref="MarketPhaseNames"/>.</summary>
public enum MarketPhase
{
    Accumulation,
    EarlyBull,
    Euphoria,
    Top,
    Bear,
}
