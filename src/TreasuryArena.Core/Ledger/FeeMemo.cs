namespace TreasuryArena.Core.Ledger;

/// <summary>The memo of a <see cref="EntryKind.Fee"/> entry: which fee it is.</summary>
public static class FeeMemo
{
    public const string Trade = "trade";
    public const string Management = "management";
    public const string Performance = "performance";

    /// <summary>A treasury fill's venue fee (to <c>venue-fees</c>).</summary>
    public const string Venue = "venue";

    /// <summary>A treasury fill's slippage (to <c>venue-fees</c>).</summary>
    public const string Slippage = "slippage";
}
