using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Wallets;

namespace TreasuryArena.Server.Endpoints;

/// <summary>Finds a wallet the caller may see: its own organisation's (any role) or any (admin). Others are "not found".</summary>
public static class WalletAccess
{
    /// <summary>
    /// The policy of the organisation's mutating wallet and trade routes: a member of an organisation (treasurer, viewer
    /// or approver; an admin key belongs to none) gets through, and the use case decides by role, so a viewer is refused
    /// <c>role_forbidden</c> (403, audited under the action) exactly as the CLI acting with that key (<c>--as-key</c>) is.
    /// </summary>
    public static void OrganisationMember(Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        policy.RequireClaim(Auth.ApiKeyDefaults.RoleClaim, "treasurer", "viewer", "approver");
    }

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

    /// <summary>
    /// The idempotency key passed to the ledger: the client's <c>Idempotency-Key</c> scoped by caller so two callers'
    /// keys never collide (remembered for the idempotency window); without one, a random key with the
    /// <see cref="IdempotencyMemory.OnceKeyPrefix"/>, which can never repeat and so is not remembered at all.
    /// </summary>
    public static string LedgerKey(HttpContext http, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(caller);
        var header = http.Request.Headers[Http.IdempotencyMiddleware.Header].ToString();
        return header.Length > 0
            ? "api:" + caller.KeyId.ToString("N") + ":" + header
            : IdempotencyMemory.OnceKeyPrefix + "api:" + caller.KeyId.ToString("N") + ":" + Guid.NewGuid().ToString("N");
    }
}
