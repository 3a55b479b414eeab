using System.Globalization;

namespace TreasuryArena.Core.Common;

/// <summary>
/// An amount of one <see cref="Currency"/>. Arithmetic across currencies throws; there are no implicit conversions.
/// <c>default(Money)</c> is not a valid zero: use <see cref="Zero"/>. The amount itself is not rounded or checked for
/// scale here (a caller's input may carry too many decimals); the ledger validates amounts with
/// <see cref="AmountRules"/> and refuses those that break them.
/// </summary>
public readonly struct Money : IEquatable<Money>, IComparable<Money>
{
    private Money(decimal amount, Currency currency)
    {
        Amount = amount;
        Currency = currency;
    }

    public decimal Amount { get; }

    public Currency Currency { get; }

    public bool IsZero => Amount == 0m;

    public static Money Of(decimal amount, Currency currency)
    {
        if (currency.Code is null)
        {
            throw new ArgumentException("currency is required (default(Currency) is not a currency)", nameof(currency));
        }

        return new Money(amount, currency);
    }

    public static Money Usd(decimal amount) => new(amount, Currency.Usd);

    public static Money Zero(Currency currency) => Of(0m, currency);

    public static Money operator +(Money a, Money b) => new(a.Amount + b.Amount, Same(a, b));

    public static Money operator -(Money a, Money b) => new(a.Amount - b.Amount, Same(a, b));

    public static Money operator -(Money a) => new(-a.Amount, a.Currency);

    public static bool operator ==(Money a, Money b) => a.Equals(b);

    public static bool operator !=(Money a, Money b) => !a.Equals(b);

    public static bool operator <(Money a, Money b) => a.CompareTo(b) < 0;

    public static bool operator >(Money a, Money b) => a.CompareTo(b) > 0;

    public static bool operator <=(Money a, Money b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Money a, Money b) => a.CompareTo(b) >= 0;

    public Money Add(Money other) => this + other;

    public Money Subtract(Money other) => this - other;

    public Money Negate() => -this;

    public int CompareTo(Money other)
    {
        Same(this, other);
        return Amount.CompareTo(other.Amount);
    }

    public bool Equals(Money other) => Amount == other.Amount && Currency == other.Currency;

    public override bool Equals(object? obj) => obj is Money m && Equals(m);

    public override int GetHashCode() => HashCode.Combine(Amount, Currency);

    public override string ToString() => Amount.ToString(CultureInfo.InvariantCulture) + " " + Currency.Code;

    private static Currency Same(Money a, Money b)
    {
        if (a.Currency != b.Currency)
        {
            throw new DomainException(Outcome.CurrencyMismatch, $"cannot combine {a.Currency.Code} with {b.Currency.Code}");
        }

        return a.Currency;
    }
}
