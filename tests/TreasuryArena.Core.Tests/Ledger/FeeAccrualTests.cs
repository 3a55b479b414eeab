using TreasuryArena.Core.Common;
using TreasuryArena.Core.Fees;
using TreasuryArena.Core.Ledger;
using static TreasuryArena.Core.Tests.Ledger.LedgerTestKit;

namespace TreasuryArena.Core.Tests.Ledger;

public sealed class FeeAccrualTests
{
    [Fact]
    public async Task AccrueFees_QuarterEnd_TakesManagementThenPerformanceInCash()
    {
        await using var ledger = LedgerService.InMemory(new LedgerFakeTime());
        var w = await WalletAsync(ledger, "w1", 20_000m);
        await TokenAsync(ledger, "ALPHA", new FeeSchedule(0m, 0.01m, 0.10m, CrystallisationSchedule.Quarterly));
        await ledger.BuyAsync(w, "ALPHA", Money.Usd(10_000m), "b");
        await ledger.RevalueAsync("ALPHA", UnitPrice.Of(1.2m), "n");

        var r = await ledger.AccrueFeesAsync("ALPHA", new DateOnly(2026, 4, 1), "f1");

        // 90 days of 1%/yr on 12,000: floor₂(12000 × 0.01 × 90 / 365) = 29.58.
        Assert.Equal(29.58m, r.ManagementFee.Amount);
        // GAV after management 11,970.42; gain over HWM 1.00 × 10,000 = 1,970.42; 10% = 197.04.
        Assert.Equal(197.04m, r.PerformanceFee.Amount);
        var t = ledger.GetToken("ALPHA")!;
        Assert.Equal(12_000m - 29.58m - 197.04m, t.GrossAssetValue.Amount);
        Assert.Equal(1.1773380m, t.Token.HighWaterMark.Value);
        Assert.Equal(t.NavPerShare, r.NavPerShare);
        Assert.Equal(226.62m, ledger.Revenue.Amount);

        var again = await ledger.AccrueFeesAsync("ALPHA", new DateOnly(2026, 4, 2), "f2");
        Assert.Equal(0m, again.PerformanceFee.Amount);
    }

    [Fact]
    public async Task AccrueFees_DateBeforeLastAccrual_Refused()
    {
        await using var ledger = LedgerService.InMemory(new LedgerFakeTime());
        await TokenAsync(ledger, "ALPHA");
        Assert.True((await ledger.AccrueFeesAsync("ALPHA", new DateOnly(2026, 2, 1), "f1")).Accepted);
        Assert.Equal(LedgerError.InvalidRequest, (await ledger.AccrueFeesAsync("ALPHA", new DateOnly(2026, 1, 15), "f2")).Error);
    }
}
