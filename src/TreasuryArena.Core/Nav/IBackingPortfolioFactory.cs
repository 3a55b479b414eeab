namespace TreasuryArena.Core.Nav;

/// <summary>Creates the backing portfolio of a token, positioned at its inception date.</summary>
public interface IBackingPortfolioFactory
{
    IBackingPortfolio Create(TokenBacking backing);
}
