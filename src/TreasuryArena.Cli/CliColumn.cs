namespace TreasuryArena.Cli;

/// <summary>What a <see cref="CliTable"/> column holds, which decides its alignment and how it may shrink.</summary>
internal enum CliColumn
{
    /// <summary>Left-aligned text; cut with "…" only when nothing else makes the table fit.</summary>
    Text,

    /// <summary>Right-aligned; never wrapped, split or cut.</summary>
    Number,

    /// <summary>A wallet address, shown as <c>0x6e99…a8aa8</c>.</summary>
    Address,
}
