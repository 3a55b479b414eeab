using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Ledger;

/// <summary>
/// What an entry moves: US dollars (<c>USD</c>, scale 2) or the shares of one token (its symbol, scale 8).
/// Amounts are stored as 64-bit integers at <see cref="Scale"/>.
/// </summary>
public readonly record struct LedgerUnit
{
    private LedgerUnit(string code) => Code = code;

    public static LedgerUnit Usd { get; } = new("USD");

    public string Code { get; }

    public bool IsCash => Code == "USD";

    public int Scale => IsCash ? Currency.Usd.Scale : Shares.Scale;

    public static LedgerUnit SharesOf(string symbol) => new(symbol);

    public static LedgerUnit Parse(string code)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        return new LedgerUnit(code);
    }

    public override string ToString() => Code;
}
