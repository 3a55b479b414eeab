namespace TreasuryArena.Core.Treasury;

/// <summary>Names shared by the treasury's positions.</summary>
public static class TreasuryAssets
{
    /// <summary>The paper venue where BTC and ETH are bought and sold.</summary>
    public const string PaperVenue = "paper";

    public static bool IsTactical(string asset) =>
        string.Equals(asset, "BTC", StringComparison.OrdinalIgnoreCase) || string.Equals(asset, "ETH", StringComparison.OrdinalIgnoreCase);
}
