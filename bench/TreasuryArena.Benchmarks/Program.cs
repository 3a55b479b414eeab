using BenchmarkDotNet.Running;

// Run in Release: dotnet run -c Release --project bench/TreasuryArena.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
