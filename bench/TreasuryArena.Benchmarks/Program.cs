using System.Globalization;
using BenchmarkDotNet.Running;
using TreasuryArena.Benchmarks;

// Run in Release: dotnet run -c Release --project bench/TreasuryArena.Benchmarks -- --filter '*'
// Stopwatch harness for the wallet rebalance: dotnet run -c Release --project bench/TreasuryArena.Benchmarks -- wallet-profile [ROUNDS] [--sql-compliance]
if (args.Length > 0 && args[0] == "wallet-profile")
{
    await WalletRebalanceProfile.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2, args.Contains("--sql-compliance"));
    return;
}

// On a loaded machine, the 1M-bar engine / plain-loop ratio in thread CPU time: ... -- --paired 40
if (args is ["--paired", var n])
{
    PairedCpuTiming.Run(int.Parse(n, CultureInfo.InvariantCulture));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
