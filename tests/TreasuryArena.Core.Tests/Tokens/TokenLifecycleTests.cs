using TreasuryArena.Core.Tokens;

namespace TreasuryArena.Core.Tests.Tokens;

public sealed class TokenLifecycleTests
{
    [Theory]
    [InlineData(TokenStatus.Proving, TokenStatus.Active, true)]
    [InlineData(TokenStatus.Active, TokenStatus.Paused, true)]
    [InlineData(TokenStatus.Paused, TokenStatus.Active, true)]
    [InlineData(TokenStatus.Paused, TokenStatus.Retired, true)]
    [InlineData(TokenStatus.Retired, TokenStatus.Active, false)]
    [InlineData(TokenStatus.Active, TokenStatus.Proving, false)]
    [InlineData(TokenStatus.Proving, TokenStatus.Paused, false)]
    [InlineData(TokenStatus.Active, TokenStatus.Active, false)]
    public void CanTransition_Pairs_OnlyLegalOnes(TokenStatus from, TokenStatus to, bool legal)
    {
        Assert.Equal(legal, TokenLifecycle.CanTransition(from, to));
    }

    [Theory]
    [InlineData("ALPHA", true)]
    [InlineData("BTC60", true)]
    [InlineData("A", false)]
    [InlineData("alpha", false)]
    [InlineData("1ABC", false)]
    [InlineData("USD", false)]
    [InlineData("ABCDEFGHIJK", false)]
    [InlineData("AB-C", false)]
    public void IsValid_Symbols_AsRules(string symbol, bool valid)
    {
        Assert.Equal(valid, TokenSymbol.IsValid(symbol));
    }
}
