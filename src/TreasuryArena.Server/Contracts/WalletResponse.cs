using TreasuryArena.Core.Wallets;

namespace TreasuryArena.Server.Contracts;

/// <summary>A wallet's identity and settings; <c>name</c> is the wallet's name (null when it has none).</summary>
public sealed record WalletResponse(string Address, Guid OrganisationId, WalletMode Mode, RiskTolerance RiskTolerance, DateTimeOffset CreatedAt, string? Name = null)
{
    public static WalletResponse From(Wallet w)
    {
        ArgumentNullException.ThrowIfNull(w);
        return new(w.Address, Guid.Parse(w.Organisation), w.Mode, w.Risk, w.CreatedAt, w.Name);
    }
}
