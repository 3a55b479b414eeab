using TreasuryArena.Core.Common;
using TreasuryArena.Core.Fees;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Tokens;
using TreasuryArena.Core.Wallets;

namespace TreasuryArena.Core.Tests.Ledger;

/// <summary>Small helpers to set up a ledger with wallets and an active token.</summary>
internal static class LedgerTestKit
{
    public static readonly DateOnly Inception = new(2026, 1, 1);

    public static async Task<string> WalletAsync(LedgerService ledger, string key, decimal cash = 0m)
    {
        var r = await ledger.CreateWalletAsync("org-1", WalletMode.Manual, RiskTolerance.Moderate, key);
        Assert.True(r.Accepted, r.Message);
        if (cash > 0m)
        {
            var d = await ledger.DepositAsync(r.Address!, Money.Usd(cash), key + ":deposit");
            Assert.True(d.Accepted, d.Message);
        }

        return r.Address!;
    }

    public static async Task TokenAsync(LedgerService ledger, string symbol, FeeSchedule? fees = null, decimal nav = 1m)
    {
        var t = await ledger.CreateTokenAsync(symbol, symbol + " strategy", "strat-" + symbol, UnitPrice.Of(nav), Inception, fees);
        Assert.True(t.Accepted, t.Message);
        var a = await ledger.ChangeTokenStatusAsync(symbol, TokenStatus.Active);
        Assert.True(a.Accepted, a.Message);
    }
}
