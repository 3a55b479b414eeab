using System.Globalization;

namespace TreasuryArena.Server.Tests.Fuzz;

/// <summary>
/// The fuzz run's seed and length: <c>ARENA_FUZZ_SEED</c> (default a fixed seed, so CI is reproducible) and
/// <c>ARENA_FUZZ_RUNS</c> (requests per database; the default keeps a run well under a minute). A failure prints the
/// seed and the step, so <c>ARENA_FUZZ_SEED=… ARENA_FUZZ_RUNS=…</c> replays it exactly.
/// </summary>
public static class FuzzSettings
{
    public const ulong DefaultSeed = 20_2026_12_07;
    public const int DefaultRuns = 400;

    public static ulong Seed => ulong.TryParse(Environment.GetEnvironmentVariable("ARENA_FUZZ_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : DefaultSeed;

    public static int Runs => int.TryParse(Environment.GetEnvironmentVariable("ARENA_FUZZ_RUNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : DefaultRuns;
}
