namespace TreasuryArena.Core.Quant;

/// <summary>
/// A convex quadratic program: minimise ½ xᵀPx + qᵀx subject to lower ≤ x ≤ upper (infinite allowed),
/// equality rows aᵀx = b and inequality rows aᵀx ≤ b. P is dense row-major n × n, positive semidefinite
/// (positive definite on the free variables after the solver's small regularisation, see <see cref="ActiveSetSolver"/>).
/// </summary>
public sealed class QuadraticProgram
{
    public QuadraticProgram(int n, double[] p, double[] q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        if (n <= 0 || p.Length != n * n || q.Length != n)
        {
            throw new ArgumentException($"P must be {n}×{n} and q of length {n}");
        }

        N = n;
        P = p;
        Q = q;
        Lower = Enumerable.Repeat(double.NegativeInfinity, n).ToArray();
        Upper = Enumerable.Repeat(double.PositiveInfinity, n).ToArray();
    }

    public int N { get; }

    public double[] P { get; }

    public double[] Q { get; }

    public double[] Lower { get; }

    public double[] Upper { get; }

    public List<LinearRow> Equalities { get; } = [];

    public List<LinearRow> Inequalities { get; } = [];

    public double Objective(ReadOnlySpan<double> x)
    {
        var f = 0.0;
        for (var i = 0; i < N; i++)
        {
            f += x[i] * (0.5 * Kernels.Dot(P.AsSpan(i * N, N), x) + Q[i]);
        }

        return f;
    }

    /// <summary>Largest violation of any bound or row at x (0 when feasible).</summary>
    public double MaxViolation(ReadOnlySpan<double> x)
    {
        var v = 0.0;
        for (var i = 0; i < N; i++)
        {
            v = Math.Max(v, Math.Max(Lower[i] - x[i], x[i] - Upper[i]));
        }

        foreach (var r in Equalities)
        {
            v = Math.Max(v, Math.Abs(Kernels.Dot(r.A, x) - r.B));
        }

        foreach (var r in Inequalities)
        {
            v = Math.Max(v, Kernels.Dot(r.A, x) - r.B);
        }

        return v;
    }
}
