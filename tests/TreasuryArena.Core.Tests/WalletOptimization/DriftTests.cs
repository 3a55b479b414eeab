using TreasuryArena.Core.Wallets.Optimization;

namespace TreasuryArena.Core.Tests.WalletOptimization;

public sealed class DriftTests
{
    [Fact]
    public void Between_SwapHalf_IsHalf()
    {
        var drift = Drift.Between(new Dictionary<string, decimal> { ["A"] = 1m }, new Dictionary<string, decimal> { ["A"] = 0.5m, ["B"] = 0.5m });
        Assert.Equal(0.5m, drift);
    }

    [Fact]
    public void Between_CashVersusInvested_CountsCash()
    {
        var drift = Drift.Between(new Dictionary<string, decimal>(), new Dictionary<string, decimal> { ["A"] = 0.2m, ["B"] = 0.2m });
        Assert.Equal(0.4m, drift);
    }

    [Fact]
    public void Between_Same_IsZero()
    {
        var w = new Dictionary<string, decimal> { ["A"] = 0.3m, ["B"] = 0.2m };
        Assert.Equal(0m, Drift.Between(w, w));
    }
}
