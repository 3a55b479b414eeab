namespace TreasuryArena.Core.Ledger;

/// <summary>
/// The outcome of a simulation: operations driven, accepted, refused, wall time, throughput, and the latency of one
/// acknowledged command (queued → durable → acknowledged) at the 50th and 99th percentile, in milliseconds.
/// </summary>
public sealed record SimulationSummary(long Ops, long Accepted, long Refused, decimal Seconds, decimal OpsPerSecond, decimal LatencyP50Ms, decimal LatencyP99Ms, long Commits);
