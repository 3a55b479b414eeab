using System.Globalization;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Quant;

/// <summary>
/// A dense primal active-set method for convex QPs (Nocedal &amp; Wright, Numerical Optimization, Algorithm 16.3),
/// specialised for portfolio problems: bounds are handled by fixing variables (so each iteration only factorises the
/// free block P_FF), rows by a Schur complement on the free variables. Each iteration solves the equality-constrained
/// subproblem on the working set, steps to it or to the first blocking constraint, and at a subproblem minimum drops the
/// constraint with the most negative multiplier; it stops when every multiplier has the right sign
/// (KKT within <see cref="Tolerance"/>). A feasible start comes from the caller or from phase 1, which minimises the
/// total constraint violation (an elastic QP solved by the same method); a positive minimum is reported as infeasible,
/// naming the constraints that cannot hold. If P_FF is only semidefinite, 1e-12 × (1 + max diag) is added to its
/// diagonal (then 1e-10, 1e-8) — this is the only approximation.
/// </summary>
public static class ActiveSetSolver
{
    /// <summary>Feasibility and KKT tolerance (absolute, on problems scaled like portfolio weights).</summary>
    public const double Tolerance = 1e-9;

    public static QpSolution Solve(QuadraticProgram qp, double[]? start = null, int maxIterations = 0)
    {
        ArgumentNullException.ThrowIfNull(qp);
        if (maxIterations <= 0)
        {
            maxIterations = 20 * (qp.N + qp.Equalities.Count + qp.Inequalities.Count) + 100;
        }

        double[] x;
        var phase1Iterations = 0;
        if (start is not null && start.Length == qp.N && qp.MaxViolation(start) <= Tolerance)
        {
            x = (double[])start.Clone();
        }
        else
        {
            (x, phase1Iterations) = FindFeasiblePoint(qp, maxIterations);
        }

        var solution = new Engine(qp, x).Run(maxIterations);
        return solution with { Iterations = solution.Iterations + phase1Iterations };
    }

    /// <summary>Phase 1: minimise Σ slacks + ε‖·‖² subject to the relaxed constraints. Throws when the minimum is positive.</summary>
    public static (double[] X, int Iterations) FindFeasiblePoint(QuadraticProgram qp, int maxIterations = 0)
    {
        ArgumentNullException.ThrowIfNull(qp);
        var n = qp.N;
        var me = qp.Equalities.Count;
        var mi = qp.Inequalities.Count;
        var total = n + 2 * me + mi;
        if (maxIterations <= 0)
        {
            maxIterations = 20 * (total + me + mi) + 100;
        }

        const double eps = 1e-6;
        var p = new double[total * total];
        var q = new double[total];
        for (var i = 0; i < total; i++)
        {
            p[i * total + i] = eps;
            q[i] = i < n ? 0 : 1;
        }

        var ext = new QuadraticProgram(total, p, q);
        var x0 = new double[total];
        for (var i = 0; i < n; i++)
        {
            ext.Lower[i] = qp.Lower[i];
            ext.Upper[i] = qp.Upper[i];
            x0[i] = Math.Clamp(0.0, qp.Lower[i], qp.Upper[i]);
        }

        for (var i = n; i < total; i++)
        {
            ext.Lower[i] = 0;
        }

        for (var k = 0; k < me; k++)
        {
            var r = qp.Equalities[k];
            var a = new double[total];
            Array.Copy(r.A, a, n);
            a[n + k] = 1;
            a[n + me + k] = -1;
            ext.Equalities.Add(new LinearRow(a, r.B, r.Name));
            var v = r.B - Kernels.Dot(r.A, x0.AsSpan(0, n));
            x0[n + k] = Math.Max(v, 0);
            x0[n + me + k] = Math.Max(-v, 0);
        }

        for (var k = 0; k < mi; k++)
        {
            var r = qp.Inequalities[k];
            var a = new double[total];
            Array.Copy(r.A, a, n);
            a[n + 2 * me + k] = -1;
            ext.Inequalities.Add(new LinearRow(a, r.B, r.Name));
            x0[n + 2 * me + k] = Math.Max(Kernels.Dot(r.A, x0.AsSpan(0, n)) - r.B, 0);
        }

        var sol = new Engine(ext, x0).Run(maxIterations);
        var x = sol.X[..n];
        var violation = qp.MaxViolation(x);
        if (violation > 1e-7)
        {
            var names = new List<string>();
            for (var k = 0; k < me; k++)
            {
                if (sol.X[n + k] + sol.X[n + me + k] > 1e-7)
                {
                    names.Add(qp.Equalities[k].Name);
                }
            }

            for (var k = 0; k < mi; k++)
            {
                if (sol.X[n + 2 * me + k] > 1e-7)
                {
                    names.Add(qp.Inequalities[k].Name);
                }
            }

            throw new QuantException(
                Outcome.Infeasible,
                string.Create(CultureInfo.InvariantCulture, $"the constraints cannot all hold together with the weight bounds; smallest possible violation {violation:G3} in: {string.Join(", ", names)}"));
        }

        return (x, sol.Iterations);
    }

    private sealed class Engine
    {
        private const int Free = 0;
        private const int AtLower = -1;
        private const int AtUpper = 1;
        private const int Pinned = 2;

        private readonly QuadraticProgram _qp;
        private readonly int _n;
        private readonly double[] _x;
        private readonly double[] _g;
        private readonly int[] _state;
        private readonly bool[] _rowActive;
        private readonly double[] _rowValue;
        private readonly int[] _free;
        private readonly double[] _l;
        private readonly double[] _pf;
        private readonly double[] _u;
        private readonly List<double[]> _y = [];
        private readonly List<(bool IsEquality, int Index)> _working = [];
        private double[] _lambda = [];
        private double _noise;
        private double[] _s = new double[16];
        private double[] _rhs = new double[4];
        private int _k;

        public Engine(QuadraticProgram qp, double[] x)
        {
            _qp = qp;
            _n = qp.N;
            _x = x;
            _state = new int[_n];
            for (var i = 0; i < _n; i++)
            {
                var lo = qp.Lower[i];
                var hi = qp.Upper[i];
                if (hi - lo <= 1e-14)
                {
                    _x[i] = lo;
                    _state[i] = Pinned;
                }
                else if (_x[i] <= lo + 1e-12 * (1 + Math.Abs(lo)))
                {
                    _x[i] = lo;
                    _state[i] = AtLower;
                }
                else if (_x[i] >= hi - 1e-12 * (1 + Math.Abs(hi)))
                {
                    _x[i] = hi;
                    _state[i] = AtUpper;
                }
            }

            _g = new double[_n];
            RecomputeGradient();
            _rowActive = new bool[qp.Inequalities.Count];
            _rowValue = new double[qp.Inequalities.Count];
            RecomputeRows();
            _free = new int[_n];
            _l = new double[_n * _n];
            _pf = new double[_n];
            _u = new double[_n];
        }

        public QpSolution Run(int maxIterations)
        {
            var iterations = 0;
            EnsureRank();
            while (true)
            {
                if (iterations++ > maxIterations)
                {
                    throw new QuantException(Outcome.NotConverged, string.Create(CultureInfo.InvariantCulture, $"the QP solver did not converge in {maxIterations} iterations"));
                }

                if (iterations % 64 == 0)
                {
                    RecomputeGradient();
                    RecomputeRows();
                }

                if (!SolveSubproblem())
                {
                    if (!ReleaseForRank())
                    {
                        throw new QuantException(Outcome.Degenerate, "the working constraints became linearly dependent");
                    }

                    continue;
                }

                var pmax = 0.0;
                var xmax = 0.0;
                for (var a = 0; a < _k; a++)
                {
                    pmax = Math.Max(pmax, Math.Abs(_pf[a]));
                    xmax = Math.Max(xmax, Math.Abs(_x[_free[a]]));
                }

                if (pmax <= 1e-11 * (1 + xmax) + _noise)
                {
                    if (!ReleaseWorstMultiplier())
                    {
                        return Finish(iterations);
                    }

                    continue;
                }

                Step();
            }
        }

        private void RecomputeGradient()
        {
            var p = _qp.P;
            for (var i = 0; i < _n; i++)
            {
                _g[i] = Kernels.Dot(p.AsSpan(i * _n, _n), _x) + _qp.Q[i];
            }
        }

        private void RecomputeRows()
        {
            for (var r = 0; r < _rowValue.Length; r++)
            {
                _rowValue[r] = Kernels.Dot(_qp.Inequalities[r].A, _x);
            }
        }

        private LinearRow Row((bool IsEquality, int Index) w) => w.IsEquality ? _qp.Equalities[w.Index] : _qp.Inequalities[w.Index];

        private void BuildWorking()
        {
            _working.Clear();
            for (var e = 0; e < _qp.Equalities.Count; e++)
            {
                _working.Add((true, e));
            }

            for (var r = 0; r < _rowActive.Length; r++)
            {
                if (_rowActive[r])
                {
                    _working.Add((false, r));
                }
            }

            _k = 0;
            for (var i = 0; i < _n; i++)
            {
                if (_state[i] == Free)
                {
                    _free[_k++] = i;
                }
            }
        }

        /// <summary>Solves the working-set subproblem for the step p_F and multipliers λ. False when the rows are dependent on F.</summary>
        private bool SolveSubproblem()
        {
            BuildWorking();
            var k = _k;
            var p = _qp.P;
            var l = _l.AsSpan(0, k * k);
            var maxDiag = 0.0;
            for (var a = 0; a < k; a++)
            {
                maxDiag = Math.Max(maxDiag, p[_free[a] * _n + _free[a]]);
            }

            var reg = 0.0;
            while (true)
            {
                for (var a = 0; a < k; a++)
                {
                    var row = _free[a] * _n;
                    for (var b = 0; b <= a; b++)
                    {
                        l[a * k + b] = p[row + _free[b]];
                    }

                    l[a * k + a] += reg;
                }

                if (Kernels.Cholesky(l, k, k))
                {
                    break;
                }

                reg = reg == 0 ? 1e-12 * (1 + maxDiag) : reg * 100;
                if (reg > 1e-7 * (1 + maxDiag))
                {
                    throw new QuantException(Outcome.NotConvex, "the risk matrix is not positive semidefinite on the free assets");
                }
            }

            var m = _working.Count;
            var u = _u.AsSpan(0, k);
            for (var a = 0; a < k; a++)
            {
                u[a] = _g[_free[a]];
            }

            // Rounding noise of the step: |g_F| / (smallest pivot²) × machine epsilon (matters when P is nearly singular).
            var gmax = 0.0;
            var minPivot = double.PositiveInfinity;
            for (var a = 0; a < k; a++)
            {
                gmax = Math.Max(gmax, Math.Abs(u[a]));
                minPivot = Math.Min(minPivot, l[a * k + a]);
            }

            _noise = k == 0 ? 0 : 1e-13 * gmax / (minPivot * minPivot);
            Kernels.ForwardSolve(l, k, k, u);
            while (_y.Count < m)
            {
                _y.Add(new double[_n]);
            }

            if (_s.Length < m * m)
            {
                _s = new double[m * m];
                _rhs = new double[m];
            }

            var s = _s.AsSpan(0, m * m);
            var rhs = _rhs.AsSpan(0, m);
            for (var r = 0; r < m; r++)
            {
                var row = Row(_working[r]);
                var yr = _y[r].AsSpan(0, k);
                for (var a = 0; a < k; a++)
                {
                    yr[a] = row.A[_free[a]];
                }

                Kernels.ForwardSolve(l, k, k, yr);
                var value = _working[r].IsEquality ? Kernels.Dot(row.A, _x) : _rowValue[_working[r].Index];
                rhs[r] = row.B - value + Kernels.Dot(yr, u);
            }

            for (var r = 0; r < m; r++)
            {
                for (var c = 0; c <= r; c++)
                {
                    s[r * m + c] = Kernels.Dot(_y[r].AsSpan(0, k), _y[c].AsSpan(0, k));
                }
            }

            var sScale = 0.0;
            for (var r = 0; r < m; r++)
            {
                sScale = Math.Max(sScale, s[r * m + r]);
            }

            if (m > 0 && !Kernels.Cholesky(s, m, m, 1e-13 * sScale))
            {
                return false;
            }

            Kernels.ForwardSolve(s, m, m, rhs);
            Kernels.BackSolve(s, m, m, rhs);
            if (_lambda.Length != m)
            {
                _lambda = new double[m];
            }

            rhs.CopyTo(_lambda);
            var v = _pf.AsSpan(0, k);
            for (var a = 0; a < k; a++)
            {
                v[a] = -u[a];
            }

            for (var r = 0; r < m; r++)
            {
                Kernels.Axpy(rhs[r], _y[r].AsSpan(0, k), v);
            }

            Kernels.BackSolve(l, k, k, v);
            return true;
        }

        private void Step()
        {
            var k = _k;
            var alpha = 1.0;
            var blockVar = -1;
            var blockRow = -1;
            var blockUpper = false;
            for (var a = 0; a < k; a++)
            {
                var i = _free[a];
                var d = _pf[a];
                if (d < 0 && !double.IsNegativeInfinity(_qp.Lower[i]))
                {
                    var t = Math.Max(0, _x[i] - _qp.Lower[i]) / -d;
                    if (t < alpha)
                    {
                        alpha = t;
                        blockVar = i;
                        blockUpper = false;
                    }
                }
                else if (d > 0 && !double.IsPositiveInfinity(_qp.Upper[i]))
                {
                    var t = Math.Max(0, _qp.Upper[i] - _x[i]) / d;
                    if (t < alpha)
                    {
                        alpha = t;
                        blockVar = i;
                        blockUpper = true;
                    }
                }
            }

            var rows = _qp.Inequalities;
            Span<double> ap = rows.Count <= 1024 ? stackalloc double[rows.Count] : new double[rows.Count];
            for (var r = 0; r < rows.Count; r++)
            {
                if (_rowActive[r])
                {
                    continue;
                }

                var a = rows[r].A;
                var dot = 0.0;
                for (var c = 0; c < k; c++)
                {
                    dot += a[_free[c]] * _pf[c];
                }

                ap[r] = dot;
                if (dot > 1e-14)
                {
                    var t = Math.Max(0, rows[r].B - _rowValue[r]) / dot;
                    if (t < alpha)
                    {
                        alpha = t;
                        blockRow = r;
                        blockVar = -1;
                    }
                }
            }

            var p = _qp.P;
            for (var c = 0; c < k; c++)
            {
                var i = _free[c];
                var step = alpha * _pf[c];
                if (step == 0)
                {
                    continue;
                }

                _x[i] += step;
                // g += step * P[:, i] (P symmetric: row i).
                Kernels.Axpy(step, p.AsSpan(i * _n, _n), _g);
            }

            for (var r = 0; r < rows.Count; r++)
            {
                if (!_rowActive[r])
                {
                    _rowValue[r] += alpha * ap[r];
                }
            }

            if (blockVar >= 0)
            {
                var bound = blockUpper ? _qp.Upper[blockVar] : _qp.Lower[blockVar];
                var delta = bound - _x[blockVar];
                _x[blockVar] = bound;
                Kernels.Axpy(delta, p.AsSpan(blockVar * _n, _n), _g);
                for (var r = 0; r < rows.Count; r++)
                {
                    _rowValue[r] += rows[r].A[blockVar] * delta;
                }

                _state[blockVar] = blockUpper ? AtUpper : AtLower;
            }
            else if (blockRow >= 0)
            {
                _rowActive[blockRow] = true;
            }
        }

        /// <summary>At a subproblem minimum: release the constraint with the most negative multiplier. False when optimal.</summary>
        private bool ReleaseWorstMultiplier()
        {
            var gScale = 1.0;
            for (var i = 0; i < _n; i++)
            {
                gScale = Math.Max(gScale, Math.Abs(_g[i]));
            }

            var tol = 1e-10 * gScale;
            var worst = tol;
            var worstVar = -1;
            var worstRow = -1;
            for (var i = 0; i < _n; i++)
            {
                if (_state[i] is Free or Pinned)
                {
                    continue;
                }

                var nu = BoundMultiplier(i);
                if (nu > worst)
                {
                    worst = nu;
                    worstVar = i;
                    worstRow = -1;
                }
            }

            for (var w = 0; w < _working.Count; w++)
            {
                if (!_working[w].IsEquality && _lambda[w] > worst)
                {
                    worst = _lambda[w];
                    worstRow = _working[w].Index;
                    worstVar = -1;
                }
            }

            if (worstVar >= 0)
            {
                _state[worstVar] = Free;
                return true;
            }

            if (worstRow >= 0)
            {
                _rowActive[worstRow] = false;
                return true;
            }

            return false;
        }

        /// <summary>The sign-violation of a fixed variable's multiplier (positive = wrong sign).</summary>
        private double BoundMultiplier(int i)
        {
            var nu = _g[i];
            for (var w = 0; w < _working.Count; w++)
            {
                nu -= _lambda[w] * Row(_working[w]).A[i];
            }

            // At a lower bound ν_L = nu must be ≥ 0; at an upper bound ν_U = -nu must be ≥ 0.
            return _state[i] == AtLower ? -nu : nu;
        }

        private void EnsureRank()
        {
            while (_qp.Equalities.Count > 0)
            {
                BuildWorking();
                if (_k >= _working.Count && SolveSubproblemQuiet())
                {
                    return;
                }

                if (!ReleaseForRank())
                {
                    throw new QuantException(Outcome.Degenerate, "the equality constraints are linearly dependent or fix every variable");
                }
            }
        }

        private bool SolveSubproblemQuiet()
        {
            try
            {
                return SolveSubproblem();
            }
            catch (QuantException)
            {
                return false;
            }
        }

        /// <summary>Frees the fixed (non-pinned) variable with the largest coefficient in the working rows.</summary>
        private bool ReleaseForRank()
        {
            BuildWorking();
            var best = -1;
            var bestCoef = 0.0;
            for (var i = 0; i < _n; i++)
            {
                if (_state[i] is Free or Pinned)
                {
                    continue;
                }

                var c = 0.0;
                foreach (var w in _working)
                {
                    c = Math.Max(c, Math.Abs(Row(w).A[i]));
                }

                if (c > bestCoef)
                {
                    bestCoef = c;
                    best = i;
                }
            }

            if (best < 0)
            {
                // Drop an active inequality row instead, if any.
                for (var r = 0; r < _rowActive.Length; r++)
                {
                    if (_rowActive[r])
                    {
                        _rowActive[r] = false;
                        return true;
                    }
                }

                return false;
            }

            _state[best] = Free;
            return true;
        }

        private QpSolution Finish(int iterations)
        {
            RecomputeGradient();
            var me = _qp.Equalities.Count;
            var eqMult = new double[me];
            var inMult = new double[_qp.Inequalities.Count];
            var lo = new double[_n];
            var hi = new double[_n];
            var stationarity = new double[_n];
            Array.Copy(_g, stationarity, _n);
            for (var w = 0; w < _working.Count; w++)
            {
                var (isEq, index) = _working[w];
                if (isEq)
                {
                    eqMult[index] = _lambda[w];
                }
                else
                {
                    inMult[index] = -_lambda[w];
                }

                Kernels.Axpy(-_lambda[w], Row(_working[w]).A, stationarity);
            }

            var dual = 0.0;
            for (var i = 0; i < _n; i++)
            {
                switch (_state[i])
                {
                    case AtLower:
                        lo[i] = stationarity[i];
                        dual = Math.Max(dual, -lo[i]);
                        break;
                    case AtUpper:
                        hi[i] = -stationarity[i];
                        dual = Math.Max(dual, -hi[i]);
                        break;
                    case Pinned when stationarity[i] >= 0:
                        lo[i] = stationarity[i];
                        break;
                    case Pinned:
                        hi[i] = -stationarity[i];
                        break;
                    default:
                        continue;
                }

                stationarity[i] = 0;
            }

            foreach (var mu in inMult)
            {
                dual = Math.Max(dual, -mu);
            }

            var residual = 0.0;
            foreach (var v in stationarity)
            {
                residual = Math.Max(residual, Math.Abs(v));
            }

            residual = Math.Max(residual, Math.Max(dual, _qp.MaxViolation(_x)));
            return new QpSolution((double[])_x.Clone(), iterations, residual, _qp.Objective(_x), eqMult, inMult, lo, hi);
        }
    }
}
