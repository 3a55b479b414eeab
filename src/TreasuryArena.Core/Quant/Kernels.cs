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
    /// and the scalar Σ_{i,j} Σ_t (x_i[t] x_j[t])², in one pass over the upper triangle (blocks of one by four columns).
    /// </summary>
    public static double GramAndSquaredSum(double[][] cols, double[] gram)
    {
        var n = cols.Length;
        var sq = 0.0;
        for (var i = 0; i < n; i++)
        {
            var xi = cols[i];
            var j = i;
            for (; j + 3 < n; j += 4)
            {
                Block4(xi, cols[j], cols[j + 1], cols[j + 2], cols[j + 3], out var g0, out var g1, out var g2, out var g3, out var s);
                gram[i * n + j] = g0;
                gram[i * n + j + 1] = g1;
                gram[i * n + j + 2] = g2;
                gram[i * n + j + 3] = g3;
                // s holds Σ of squares over the four pairs; diagonal pairs count once, others twice.
                sq += 2 * s;
                if (j == i)
                {
                    sq -= SquaredProductSum(xi, xi);
                }
            }

            for (; j < n; j++)
            {
                gram[i * n + j] = Dot(xi, cols[j]);
                var s = SquaredProductSum(xi, cols[j]);
                sq += j == i ? s : 2 * s;
            }
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                gram[i * n + j] = gram[j * n + i];
            }
        }

        return sq;
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
    private static void Block4(double[] x, double[] a, double[] b, double[] c, double[] d, out double g0, out double g1, out double g2, out double g3, out double sq)
    {
        var len = x.Length;
        var t = 0;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, q = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var rx = ref MemoryMarshal.GetArrayDataReference(x);
            ref var ra = ref MemoryMarshal.GetArrayDataReference(a);
            ref var rb = ref MemoryMarshal.GetArrayDataReference(b);
            ref var rc = ref MemoryMarshal.GetArrayDataReference(c);
            ref var rd = ref MemoryMarshal.GetArrayDataReference(d);
            var v0 = Vector256<double>.Zero;
            var v1 = Vector256<double>.Zero;
            var v2 = Vector256<double>.Zero;
            var v3 = Vector256<double>.Zero;
            var vq = Vector256<double>.Zero;
            for (; t <= len - 4; t += 4)
            {
                var vx = Vector256.LoadUnsafe(ref rx, (nuint)t);
                var p0 = vx * Vector256.LoadUnsafe(ref ra, (nuint)t);
                var p1 = vx * Vector256.LoadUnsafe(ref rb, (nuint)t);
                var p2 = vx * Vector256.LoadUnsafe(ref rc, (nuint)t);
                var p3 = vx * Vector256.LoadUnsafe(ref rd, (nuint)t);
                v0 += p0;
                v1 += p1;
                v2 += p2;
                v3 += p3;
                vq += (p0 * p0) + (p1 * p1) + (p2 * p2) + (p3 * p3);
            }

            s0 = Vector256.Sum(v0);
            s1 = Vector256.Sum(v1);
            s2 = Vector256.Sum(v2);
            s3 = Vector256.Sum(v3);
            q = Vector256.Sum(vq);
        }

        for (; t < len; t++)
        {
            var p0 = x[t] * a[t];
            var p1 = x[t] * b[t];
            var p2 = x[t] * c[t];
            var p3 = x[t] * d[t];
            s0 += p0;
            s1 += p1;
            s2 += p2;
            s3 += p3;
            q += (p0 * p0) + (p1 * p1) + (p2 * p2) + (p3 * p3);
        }

        g0 = s0;
        g1 = s1;
        g2 = s2;
        g3 = s3;
        sq = q;
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
