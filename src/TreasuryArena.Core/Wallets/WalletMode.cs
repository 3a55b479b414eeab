namespace TreasuryArena.Core.Wallets;

/// <summary>Who acts for a wallet: the optimizer alone, the optimizer with a person's approval, or only a person.</summary>
public enum WalletMode
{
    FullAi,
    Hybrid,
    Manual,
}
