namespace TreasuryArena.Core.Backtesting;

/// <summary>
/// The running-sum SMAs over one close array, filled on demand. Filling one average also fills another that stands
/// at the same bar, in the same loop: each running sum is a chain of dependent additions, and two chains in one loop
/// overlap instead of running one after the other. Each average keeps its own sum, in its own order (add the new
/// close, drop the oldest, divide by the window), so its values are bit for bit those of a one-pass loop, whichever
/// averages are filled together and however the bars are split.
/// </summary>
internal sealed class SmaBank(double[] close)
{
    private readonly List<Member> _members = [];

    /// <summary>Adds an average over <paramref name="window"/> bars written into <paramref name="values"/>; returns its fill.</summary>
    public SeriesFill Add(int window, double[] values)
    {
        var member = new Member(window, values);
        lock (_members)
        {
            _members.Add(member);
        }

        return (_, _, to) => Fill(member, to);
    }

    private void Fill(Member m, int to)
    {
        // One lock for the bank: a fill may write a partner's bars (beyond what the partner has published, so no
        // reader sees them until the partner's own fill, which finds them done).
        lock (_members)
        {
            if (m.Next >= to)
            {
                return;
            }

            Member? partner = null;
            foreach (var o in _members)
            {
                if (o != m && o.Next == m.Next)
                {
                    partner = o;
                    break;
                }
            }

            if (partner is null)
            {
                Run(m, to);
            }
            else
            {
                RunPair(m, partner, to);
            }
        }
    }

    /// <summary>One average from its next bar to <paramref name="to"/>: warm-up NaNs, the first full window, then add/drop.</summary>
    private void Run(Member m, int to)
    {
        var c = close;
        var r = m.Values;
        var window = m.Window;
        var s = m.Sum;
        unchecked
        {
            var i = m.Next;
            for (var end = Math.Min(window - 1, to); i < end; i++)
            {
                s += c[i];
                r[i] = double.NaN;
            }

            for (var end = Math.Min(window, to); i < end; i++)
            {
                s += c[i];
                r[i] = s / window;
            }

            for (; i < to; i++)
            {
                s += c[i];
                s -= c[i - window];
                r[i] = s / window;
            }
        }

        m.Sum = s;
        m.Next = to;
    }

    /// <summary>Two averages at the same bar: each alone through its warm-up, then both in one loop.</summary>
    private void RunPair(Member a, Member b, int to)
    {
        var steady = Math.Min(to, Math.Max(a.Next, Math.Max(a.Window, b.Window)));
        Run(a, steady);
        Run(b, steady);
        var c = close;
        var ra = a.Values;
        var rb = b.Values;
        var wa = a.Window;
        var wb = b.Window;
        var sa = a.Sum;
        var sb = b.Sum;
        unchecked
        {
            for (var i = steady; i < to; i++)
            {
                var x = c[i];
                sa += x;
                sb += x;
                sa -= c[i - wa];
                sb -= c[i - wb];
                ra[i] = sa / wa;
                rb[i] = sb / wb;
            }
        }

        a.Sum = sa;
        b.Sum = sb;
        a.Next = to;
        b.Next = to;
    }

    private sealed class Member(int window, double[] values)
    {
        public int Window { get; } = window;

        public double[] Values { get; } = values;

        public double Sum { get; set; }

        /// <summary>The first bar not yet computed.</summary>
        public int Next { get; set; }
    }
}
