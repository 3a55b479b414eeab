using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace TreasuryArena.Core.Quant;

/// <summary>Dense numeric kernels on spans (SIMD via <see cref="Vector256{T}"/>), allocation-free.</summary>
internal static class Kernels
{
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var n = a.Length;
        var i = 0;
        var s = 0.0;
        if (Vector256.IsHardwareAccelerated && n >= 16)
        {
            ref var ra = ref MemoryMarshal.GetReference(a);
            ref var rb = ref MemoryMarshal.GetReference(b);
            var acc0 = Vector256<double>.Zero;
            var acc1 = Vector256<double>.Zero;
            for (; i <= n - 8; i += 8)
            {
                acc0 += Vector256.LoadUnsafe(ref ra, (nuint)i) * Vector256.LoadUnsafe(ref rb, (nuint)i);
                acc1 += Vector256.LoadUnsafe(ref ra, (nuint)(i + 4)) * Vector256.LoadUnsafe(ref rb, (nuint)(i + 4));
            }

            s = Vector256.Sum(acc0 + acc1);
        }

        for (; i < n; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    /// <summary>y += alpha * x.</summary>
    public static void Axpy(double alpha, ReadOnlySpan<double> x, Span<double> y)
    {
        for (var i = 0; i < x.Length; i++)
        {
            y[i] += alpha * x[i];
        }
    }

    /// <summary>
    /// For columns x_0..x_{n-1} (each of length T): gram[i, j] = Σ_t x_i[t] x_j[t] (full symmetric, row-major n × n)
    /// and the scalar Σ_{i,j} Σ_t (x_i[t] x_j[t])², in one pass over the upper triangle in register blocks of two
    /// rows by four columns (8 products per 6 vector loads, FMA for the squares).
    /// </summary>
    public static double GramAndSquaredSum(double[][] cols, double[] gram)
    {
        var n = cols.Length;
        var sqm = new double[n * n];
        var i = 0;
        for (; i + 1 < n; i += 2)
        {
            var x0 = cols[i];
            var x1 = cols[i + 1];
            var j = i;
            for (; j + 3 < n; j += 4)
            {
                Block2x4(x0, x1, cols[j], cols[j + 1], cols[j + 2], cols[j + 3], gram.AsSpan(i * n + j, 4), gram.AsSpan((i + 1) * n + j, 4), out var q0, out var q1);
                // Per-row sums of squares over the four columns; split per entry below only where needed.
                sqm[i * n + j] = q0;
                sqm[(i + 1) * n + j] = q1;
            }

            for (; j < n; j++)
            {
                gram[i * n + j] = Dot(x0, cols[j]);
                gram[(i + 1) * n + j] = Dot(x1, cols[j]);
                sqm[i * n + j] = SquaredProductSum(x0, cols[j]);
                sqm[(i + 1) * n + j] = SquaredProductSum(x1, cols[j]);
            }
        }

        for (; i < n; i++)
        {
            for (var j = i; j < n; j++)
            {
                gram[i * n + j] = Dot(cols[i], cols[j]);
                sqm[i * n + j] = SquaredProductSum(cols[i], cols[j]);
            }
        }

        // Every (row, block) sum covers columns j..j+3 (or one column in the tails). Sum them with symmetry weights:
        // entries strictly above the diagonal count twice, the diagonal once, entries below (row i+1, column i) are
        // duplicates of (i, i+1) and are removed.
        var total = 0.0;
        for (var r = 0; r < n; r++)
        {
            total += 2 * SumRow(sqm, r * n, n);
        }

        for (var r = 0; r < n; r++)
        {
            // Remove the diagonal's double count and the (r+1, r) duplicate computed for every row pair (columns start at r).
            total -= SquaredProductSum(cols[r], cols[r]);
            if (r % 2 == 0 && r + 1 < n)
            {
                total -= 2 * SquaredProductSum(cols[r + 1], cols[r]);
            }
        }

        for (var r = 0; r < n; r++)
        {
            for (var c = 0; c < r; c++)
            {
                gram[r * n + c] = gram[c * n + r];
            }
        }

        return total;
    }

    private static double SumRow(double[] a, int offset, int n)
    {
        var s = 0.0;
        for (var k = 0; k < n; k++)
        {
            s += a[offset + k];
        }

        return s;
    }

    private static double SquaredProductSum(double[] a, double[] b)
    {
        var s = 0.0;
        for (var t = 0; t < a.Length; t++)
        {
            var p = a[t] * b[t];
            s += p * p;
        }

        return s;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block2x4(double[] x, double[] y, double[] a, double[] b, double[] c, double[] d, Span<double> gx, Span<double> gy, out double qx, out double qy)
    {
        var len = x.Length;
        var t = 0;
        double x0 = 0, x1 = 0, x2 = 0, x3 = 0, y0 = 0, y1 = 0, y2 = 0, y3 = 0, sx = 0, sy = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var rx = ref MemoryMarshal.GetArrayDataReference(x);
            ref var ry = ref MemoryMarshal.GetArrayDataReference(y);
            ref var ra = ref MemoryMarshal.GetArrayDataReference(a);
            ref var rb = ref MemoryMarshal.GetArrayDataReference(b);
            ref var rc = ref MemoryMarshal.GetArrayDataReference(c);
            ref var rd = ref MemoryMarshal.GetArrayDataReference(d);
            Vector256<double> ax0 = default, ax1 = default, ax2 = default, ax3 = default;
            Vector256<double> ay0 = default, ay1 = default, ay2 = default, ay3 = default;
            Vector256<double> qxv = default, qyv = default;
            for (; t <= len - 4; t += 4)
            {
                var vx = Vector256.LoadUnsafe(ref rx, (nuint)t);
                var vy = Vector256.LoadUnsafe(ref ry, (nuint)t);
                var va = Vector256.LoadUnsafe(ref ra, (nuint)t);
                var vb = Vector256.LoadUnsafe(ref rb, (nuint)t);
                var vc = Vector256.LoadUnsafe(ref rc, (nuint)t);
                var vd = Vector256.LoadUnsafe(ref rd, (nuint)t);
                var p = vx * va;
                ax0 += p;
                qxv = Vector256.FusedMultiplyAdd(p, p, qxv);
                p = vx * vb;
                ax1 += p;
                qxv = Vector256.FusedMultiplyAdd(p, p, qxv);
                p = vx * vc;
                ax2 += p;
                qxv = Vector256.FusedMultiplyAdd(p, p, qxv);
                p = vx * vd;
                ax3 += p;
                qxv = Vector256.FusedMultiplyAdd(p, p, qxv);
                p = vy * va;
                ay0 += p;
                qyv = Vector256.FusedMultiplyAdd(p, p, qyv);
                p = vy * vb;
                ay1 += p;
                qyv = Vector256.FusedMultiplyAdd(p, p, qyv);
                p = vy * vc;
                ay2 += p;
                qyv = Vector256.FusedMultiplyAdd(p, p, qyv);
                p = vy * vd;
                ay3 += p;
                qyv = Vector256.FusedMultiplyAdd(p, p, qyv);
            }

            x0 = Vector256.Sum(ax0);
            x1 = Vector256.Sum(ax1);
            x2 = Vector256.Sum(ax2);
            x3 = Vector256.Sum(ax3);
            y0 = Vector256.Sum(ay0);
            y1 = Vector256.Sum(ay1);
            y2 = Vector256.Sum(ay2);
            y3 = Vector256.Sum(ay3);
            sx = Vector256.Sum(qxv);
            sy = Vector256.Sum(qyv);
        }

        for (; t < len; t++)
        {
            double pa = x[t] * a[t], pb = x[t] * b[t], pc = x[t] * c[t], pd = x[t] * d[t];
            x0 += pa;
            x1 += pb;
            x2 += pc;
            x3 += pd;
            sx += (pa * pa) + (pb * pb) + (pc * pc) + (pd * pd);
            pa = y[t] * a[t];
            pb = y[t] * b[t];
            pc = y[t] * c[t];
            pd = y[t] * d[t];
            y0 += pa;
            y1 += pb;
            y2 += pc;
            y3 += pd;
            sy += (pa * pa) + (pb * pb) + (pc * pc) + (pd * pd);
        }

        gx[0] = x0;
        gx[1] = x1;
        gx[2] = x2;
        gx[3] = x3;
        gy[0] = y0;
        gy[1] = y1;
        gy[2] = y2;
        gy[3] = y3;
        qx = sx;
        qy = sy;
    }

    /// <summary>
    /// In-place Cholesky of the leading n × n block of a row-major matrix with stride <paramref name="stride"/>
    /// (lower triangle overwritten by L). Returns false when a pivot is not above <paramref name="minPivot"/>.
    /// </summary>
    public static bool Cholesky(Span<double> a, int n, int stride, double minPivot = 0)
    {
        for (var j = 0; j < n; j++)
        {
            var rowJ = a.Slice(j * stride, j);
            var d = a[j * stride + j] - Dot(rowJ, rowJ);
            if (!(d > minPivot))
            {
                return false;
            }

            var l = Math.Sqrt(d);
            a[j * stride + j] = l;
            var inv = 1.0 / l;
            for (var i = j + 1; i < n; i++)
            {
                var rowI = a.Slice(i * stride, j);
                a[i * stride + j] = (a[i * stride + j] - Dot(rowI, rowJ)) * inv;
            }
        }

        return true;
    }

    /// <summary>Solves L y = b in place (L lower, row-major, stride).</summary>
    public static void ForwardSolve(ReadOnlySpan<double> l, int n, int stride, Span<double> b)
    {
        for (var i = 0; i < n; i++)
        {
            b[i] = (b[i] - Dot(l.Slice(i * stride, i), b[..i])) / l[i * stride + i];
        }
    }

    /// <summary>Solves Lᵀ x = y in place.</summary>
    public static void BackSolve(ReadOnlySpan<double> l, int n, int stride, Span<double> y)
    {
        for (var i = n - 1; i >= 0; i--)
        {
            var s = y[i];
            for (var k = i + 1; k < n; k++)
            {
                s -= l[k * stride + i] * y[k];
            }

            y[i] = s / l[i * stride + i];
        }
    }
}
