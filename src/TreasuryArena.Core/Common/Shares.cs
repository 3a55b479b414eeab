using System.Globalization;

namespace TreasuryArena.Core.Common;

/// <summary>
/// A quantity of one strategy token's fund shares. Shares carry at most <see cref="Scale"/> decimals (10^-8, the
/// storage scale too); issuing rounds down (see <see cref="RoundingPolicy.SharesIssued"/>).
/// </summary>
public readonly record struct Shares : IComparable<Shares>
{
    /// <summary>Decimals a share quantity may carry; also its storage scale.</summary>
    public const int Scale = 8;

    private Shares(decimal value) => Value = value;

    public static Shares Zero { get; } = new(0m);

    public decimal Value { get; }

    public bool IsZero => Value == 0m;

    /// <summary>Wraps a quantity as given; the ledger validates sign and scale before using it.</summary>
    public static Shares Of(decimal value) => new(value);

    public static Shares operator +(Shares a, Shares b) => new(a.Value + b.Value);

    public static Shares operator -(Shares a, Shares b) => new(a.Value - b.Value);

    public static bool operator <(Shares a, Shares b) => a.Value < b.Value;

    public static bool operator >(Shares a, Shares b) => a.Value > b.Value;

    public static bool operator <=(Shares a, Shares b) => a.Value <= b.Value;

    public static bool operator >=(Shares a, Shares b) => a.Value >= b.Value;

    public Shares Add(Shares other) => this + other;

    public Shares Subtract(Shares other) => this - other;

    public int CompareTo(Shares other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString("0.########", CultureInfo.InvariantCulture);
}
