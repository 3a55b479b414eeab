namespace TreasuryArena.Core.Policy;

/// <summary>The benchmark an IPS measures the treasury against (written <c>T-bill</c> or <c>60/40 BTC/T-bill</c>).</summary>
public enum PolicyBenchmark
{
    /// <summary>The US 3-month Treasury bill (cash-like).</summary>
    TBill,

    /// <summary>60% bitcoin, 40% US 3-month Treasury bills.</summary>
    Btc60TBill40,
}
