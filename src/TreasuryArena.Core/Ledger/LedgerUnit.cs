using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Ledger;

/// <summary>
/// What an entry moves: US dollars (<c>USD</c>, scale 2), the shares of one token (its symbol, scale 8), or units of
/// a treasury asset (<c>asset:{ASSET}</c>, e.g. <c>asset:BTC</c> coins or <c>asset:AAVE-USDC</c> index units, scale 10).
/// Amounts are stored as 64-bit integers at <see cref="Scale"/>.
/// </summary>
public readonly record struct LedgerUnit
{
    private LedgerUnit(string code) => Code = code;

    public static LedgerUnit Usd { get; } = new("USD");

    public string Code { get; }

    /// <summary>Decimals of a treasury asset's units (the paper venue rounds quantities down to 10 decimals).</summary>
    public const int AssetScale = 10;

    private const string AssetPrefix = "asset:";

    public bool IsCash => Code == "USD";

    /// <summary>True for a treasury asset's units (not USD, not a token's shares).</summary>
    public bool IsAsset => Code.StartsWith(AssetPrefix, StringComparison.Ordinal);

    /// <summary>True for a token's shares.</summary>
    public bool IsShares => !IsCash && !IsAsset;

    /// <summary>The asset of an <see cref="IsAsset"/> unit (e.g. <c>BTC</c>), else empty.</summary>
    public string AssetCode => IsAsset ? Code[AssetPrefix.Length..] : "";

    public int Scale => IsCash ? Currency.Usd.Scale : IsAsset ? AssetScale : Shares.Scale;

    public static LedgerUnit SharesOf(string symbol) => new(symbol);

    /// <summary>Units of treasury asset <paramref name="asset"/> (an upper-case code, see <see cref="TreasuryNames"/>).</summary>
    public static LedgerUnit Asset(string asset) => new(AssetPrefix + asset);

    public static LedgerUnit Parse(string code)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        return new LedgerUnit(code);
    }

    public override string ToString() => Code;
}
