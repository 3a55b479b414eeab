namespace TreasuryArena.Core.Wallets.Optimization;

/// <summary>A wallet's holding of one token, valued at the quoted NAV.</summary>
/// <param name="Symbol">The token.</param>
/// <param name="Shares">Shares held.</param>
/// <param name="Nav">The token's current NAV per share.</param>
public sealed record WalletPosition(string Symbol, decimal Shares, decimal Nav)
{
    public decimal Value => Shares * Nav;
}
