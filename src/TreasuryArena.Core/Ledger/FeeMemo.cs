namespace TreasuryArena.Core.Ledger;

/// <summary>The memo of a <see cref="EntryKind.Fee"/> entry: which fee it is.</summary>
public static class FeeMemo
{
    public const string Trade = "trade";
    public const string Management = "management";
    public const string Performance = "performance";
}
