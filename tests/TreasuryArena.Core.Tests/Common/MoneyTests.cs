using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Tests.Common;

public sealed class MoneyTests
{
    [Fact]
    public void Add_DifferentCurrencies_Throws()
    {
        Assert.Throws<DomainException>(() => Money.Usd(1m) + Money.Of(1m, Currency.Btc));
    }

    [Fact]
    public void Of_DefaultCurrency_Throws()
    {
        Assert.Throws<ArgumentException>(() => Money.Of(1m, default));
    }

    public static TheoryData<decimal, int, bool> Scales => new()
    {
        { 1.23m, 2, true },
        { 1.230m, 2, true },
        { 1.231m, 2, false },
        { 0.00000001m, 8, true },
        { 0.000000001m, 8, false },
    };

    [Theory]
    [MemberData(nameof(Scales))]
    public void FitsScale_Decimals_AsExpected(decimal value, int scale, bool fits)
    {
        Assert.Equal(fits, RoundingPolicy.FitsScale(value, scale));
    }

    [Fact]
    public void AmountRules_TooManySignificantDigits_Refused()
    {
        var v = 0.1234567890123456789012345678m;
        Assert.NotNull(AmountRules.Problem(v * 10m + 1.1234567890123456789012345678m - 1m, 30, "x"));
    }

    [Fact]
    public void ToScaled_RoundTrips()
    {
        Assert.Equal(12345L, RoundingPolicy.ToScaled(123.45m, 2));
        Assert.Equal(123.45m, RoundingPolicy.FromScaled(12345L, 2));
        Assert.Throws<DomainException>(() => RoundingPolicy.ToScaled(1.234m, 2));
    }

    [Fact]
    public void SharesIssued_RoundsDown()
    {
        Assert.Equal(0.33333333m, RoundingPolicy.SharesIssued(1m / 3m));
        Assert.Equal(0.66m, RoundingPolicy.CashPaidOut(2m / 3m, Currency.Usd));
    }
}
