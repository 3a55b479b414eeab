namespace TreasuryArena.Core.Intelligence;

/// <summary>
/// The Fear &amp; Greed class for a value, using the bands observed in alternative.me's history (0–25 Extreme Fear,
/// 26–46 Fear, 47–54 Neutral, 55–75 Greed, 76–100 Extreme Greed). Live readings keep the class the source returned.
/// </summary>
public static class FearGreedClass
{
    public static string Of(double value) => value switch
    {
        <= 25 => "Extreme Fear",
        <= 46 => "Fear",
        <= 54 => "Neutral",
        <= 75 => "Greed",
        _ => "Extreme Greed",
    };
}
