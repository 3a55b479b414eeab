namespace TreasuryArena.Core.Strategies;

/// <summary>
/// A kernel that can scan a stretch of bars in one call: for how many bars its target stays exactly the target
/// already held. <see cref="Backtesting.PortfolioSimulator.Run"/> asks it on quiet stretches (a policy only a change
/// can trigger, no pending order, the held target checked) and only marks those bars to market. The answer for bar s
/// reads data up to bar s only, and equals what <see cref="IStrategyKernel.Decide"/> would give bar by bar (each
/// implementation is tested against <see cref="Backtesting.PortfolioSimulator.Step"/>, which never scans). Internal:
/// only library kernels implement it, because a scan reads series directly rather than through a bounded view.
/// </summary>
internal interface IHoldScan
{
    /// <summary>The first bar s in [<paramref name="from"/>, <paramref name="to"/>) whose target differs from <paramref name="held"/>; <paramref name="to"/> when none does.</summary>
    int HeldUntil(int from, int to, ReadOnlySpan<double> held);
}
