using System.Globalization;

namespace TreasuryArena.Core.Common;

/// <summary>
/// A price of one fund share in US dollars (NAV per share, high-water mark). At most <see cref="Scale"/> decimals
/// (10^-8), which is also the storage scale.
/// </summary>
public readonly record struct UnitPrice : IComparable<UnitPrice>
{
    /// <summary>Decimals a unit price may carry; also its storage scale.</summary>
    public const int Scale = 8;

    private UnitPrice(decimal value) => Value = value;

    /// <summary>US dollars per share.</summary>
    public decimal Value { get; }

    /// <summary>Wraps a price as given; the ledger validates sign and scale before using it.</summary>
    public static UnitPrice Of(decimal value) => new(value);

    public static bool operator <(UnitPrice a, UnitPrice b) => a.Value < b.Value;

    public static bool operator >(UnitPrice a, UnitPrice b) => a.Value > b.Value;

    public static bool operator <=(UnitPrice a, UnitPrice b) => a.Value <= b.Value;

    public static bool operator >=(UnitPrice a, UnitPrice b) => a.Value >= b.Value;

    public int CompareTo(UnitPrice other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString("0.########", CultureInfo.InvariantCulture);
}
