using TreasuryArena.Core.Backtesting;

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

/// <summary>A per-bar test of two series' values, the whole decision of a two-target kernel.</summary>
internal interface IBarTest
{
    static abstract bool Holds(double a, double b);
}

/// <summary>Helpers for kernels whose targets put everything on one asset.</summary>
internal static class HeldTarget
{
    /// <summary>
    /// The scan of a kernel that writes everything on <paramref name="whenTrue"/> when <typeparamref name="TTest"/>
    /// of a[t] and b[t] holds and everything on <paramref name="whenFalse"/> (−1: all cash) otherwise: the first bar t
    /// in [<paramref name="from"/>, <paramref name="to"/>) whose target differs from <paramref name="held"/>,
    /// <paramref name="to"/> when none does (<paramref name="from"/> when the held target is neither). Bar t reads bar
    /// t only, exactly the comparison the kernel's Decide makes.
    /// </summary>
    public static int FirstChange<TTest>(CausalSeries a, CausalSeries b, int whenTrue, int whenFalse, int from, int to, ReadOnlySpan<double> held)
        where TTest : IBarTest
    {
        var holds = OneAt(held, whenTrue);
        if (!holds && !OneAt(held, whenFalse))
        {
            return from;
        }

        var x = a.Through(to - 1).AsSpan(from, to - from);
        var y = b.Through(to - 1).AsSpan(from, x.Length);
        for (var i = 0; i < x.Length; i++)
        {
            if (TTest.Holds(x[i], y[i]) != holds)
            {
                return from + i;
            }
        }

        return to;
    }

    /// <summary>Whether the weights are 1 at <paramref name="one"/> and 0 elsewhere (all 0 when it is −1).</summary>
    private static bool OneAt(ReadOnlySpan<double> weights, int one)
    {
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] != (i == one ? 1 : 0))
            {
                return false;
            }
        }

        return true;
    }
}
