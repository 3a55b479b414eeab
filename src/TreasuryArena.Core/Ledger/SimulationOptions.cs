namespace TreasuryArena.Core.Ledger;

/// <summary>What <see cref="LedgerSimulation"/> drives: <paramref name="Ops"/> random operations from <paramref name="Seed"/>
/// over <paramref name="Wallets"/> wallets and <paramref name="Tokens"/> tokens, with up to <paramref name="InFlight"/>
/// commands queued at once (so the writer can batch them).</summary>
public sealed record SimulationOptions(int Ops, int Seed, int Wallets = 20, int Tokens = 3, int InFlight = 4096);
