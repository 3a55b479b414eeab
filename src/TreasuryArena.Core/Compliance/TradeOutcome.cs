using TreasuryArena.Core.Ledger;

namespace TreasuryArena.Core.Compliance;

/// <summary>What happened to a <see cref="TradeOrder"/>: executed by the ledger, refused (by a check, the gate or the ledger), or held.</summary>
public abstract record TradeOutcome
{
    private TradeOutcome()
    {
    }

    public sealed record Executed(LedgerResult Result) : TradeOutcome;

    /// <summary>Refused; <see cref="Code"/> is a stable snake_case code (e.g. <c>insufficient_cash</c>, <c>platform_halted</c>).</summary>
    public sealed record Refused(string Code, string Message, string? Field) : TradeOutcome;

    public sealed record Held(HeldTrade Trade) : TradeOutcome;
}
