namespace TreasuryArena.Core.Intelligence;

/// <summary>The contract spelling of <see cref="MarketPhase"/>: <c>ACCUMULATION | EARLY_BULL | EUPHORIA | TOP | BEAR</c>.</summary>
public static class MarketPhaseNames
{
    public static string ToWire(this MarketPhase phase) => phase switch
    {
        MarketPhase.Accumulation => "ACCUMULATION",
        MarketPhase.EarlyBull => "EARLY_BULL",
        MarketPhase.Euphoria => "EUPHORIA",
        MarketPhase.Top => "TOP",
        MarketPhase.Bear => "BEAR",
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, null),
    };

    public static bool TryParse(string? text, out MarketPhase phase)
    {
        foreach (var p in Enum.GetValues<MarketPhase>())
        {
            if (string.Equals(p.ToWire(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                phase = p;
                return true;
            }
        }

        phase = default;
        return false;
    }
}
