using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Tests.Common;

public sealed class ExactDecimalTests
{
    [Theory]
    [InlineData("100", "100")]
    [InlineData("1.50", "1.5")]
    [InlineData("-0.01", "-0.01")]
    [InlineData("1e3", "1000")]
    [InlineData("1001e-3", "1.001")]
    [InlineData("0.000", "0")]
    [InlineData("0e5", "0")]
    [InlineData("12345678901234567890.12345678", "12345678901234567890.12345678")]
    public void TryParse_ExactLiterals_AreAccepted(string text, string expected)
    {
        Assert.True(ExactDecimal.TryParse(text, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("1.0000000000000000000000000000001")]
    [InlineData("0.00000000000000000000000000000001")]
    [InlineData("123456789012345678901234567890.1")]
    [InlineData("1e-40")]
    [InlineData("1e400")]
    [InlineData("abc")]
    [InlineData("")]
    public void TryParse_LiteralsADecimalWouldRound_AreRefused(string text)
    {
        Assert.False(ExactDecimal.TryParse(text, out _));
    }

    [Fact]
    public void TryParse_RoundTripsEveryDecimalItPrints()
    {
        var rng = new Random(7);
        for (var i = 0; i < 2_000; i++)
        {
            var d = new decimal(rng.Next(), rng.Next(), rng.Next(0, 1 << 20), rng.Next(2) == 0, (byte)rng.Next(0, 29));
            var text = d.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(ExactDecimal.TryParse(text, out var back), text);
            Assert.Equal(d, back);
        }
    }
}
