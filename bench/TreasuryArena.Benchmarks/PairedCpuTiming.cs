using System.Globalization;
using System.Runtime.InteropServices;

namespace TreasuryArena.Benchmarks;

/// <summary>
/// The 1M-bar crossover through the engine and as a plain loop, alternated in one process and timed in thread CPU
/// time (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>), so time the shared cores spend on other processes does not count.
/// The ratio engine / plain loop is the figure that holds on a loaded machine. Run:
/// <c>dotnet run -c Release --project bench/TreasuryArena.Benchmarks -- --paired 40</c>
/// </summary>
internal static class PairedCpuTiming
{
    public static void Run(int pairs)
    {
        var bench = new BacktestBenchmarks();
        bench.Setup();
        for (var i = 0; i < 5; i++)
        {
            bench.MillionBarsCrossover();
            bench.MillionBarsCrossoverPlainLoop();
        }

        var engine = new List<double>();
        var plain = new List<double>();
        var ratio = new List<double>();
        for (var i = 0; i < pairs; i++)
        {
            var t0 = ThreadCpuMs();
            bench.MillionBarsCrossover();
            var t1 = ThreadCpuMs();
            bench.MillionBarsCrossoverPlainLoop();
            var t2 = ThreadCpuMs();
            engine.Add(t1 - t0);
            plain.Add(t2 - t1);
            ratio.Add((t1 - t0) / (t2 - t1));
        }

        engine.Sort();
        plain.Sort();
        ratio.Sort();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{pairs} pairs, thread CPU ms: engine min {engine[0]:F2} median {engine[pairs / 2]:F2}; plain loop min {plain[0]:F2} median {plain[pairs / 2]:F2}; engine/plain: ratio of minima {engine[0] / plain[0]:F2}, median ratio {ratio[pairs / 2]:F2}"));
    }

    private static double ThreadCpuMs() =>
        NativeMethods.clock_gettime(3, out var ts) == 0 ? (ts.Seconds * 1e3) + (ts.Nanoseconds / 1e6) : throw new PlatformNotSupportedException("CLOCK_THREAD_CPUTIME_ID needs Linux");

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "clock_gettime")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int clock_gettime(int clock, out Timespec value);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
