using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Wallets;

namespace TreasuryArena.Server.Endpoints;

/// <summary>Finds a wallet the caller may see: its own organisation's (any role) or any (admin). Others are "not found".</summary>
public static class WalletAccess
{
    public static WalletView? Find(LedgerService ledger, Caller caller, string? address)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(caller);
        if (!WalletAddress.IsValid(address))
        {
            return null;
        }

        var view = ledger.GetWallet(address!);
        if (view is null)
        {
            return null;
        }

        return caller.CanRead(Guid.Parse(view.Wallet.Organisation)) ? view : null;
    }

    /// <summary>The idempotency key passed to the ledger: scoped by caller so two keys never collide.</summary>
    public static string LedgerKey(HttpContext http, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(caller);
        var header = http.Request.Headers[Http.IdempotencyMiddleware.Header].ToString();
        return "api:" + caller.KeyId.ToString("N") + ":" + (header.Length > 0 ? header : Guid.NewGuid().ToString("N"));
    }
}
