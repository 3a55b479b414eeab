using TreasuryArena.Core.Application;
using TreasuryArena.Core.Compliance;

namespace TreasuryArena.Server.Contracts;

/// <summary>The answer to a second approval: the executed approval and what it executed (a trade, a held trade, or a proposal's run).</summary>
public sealed record ApprovalDecisionResponse(ApprovalResponse Approval, TradeResponse? Trade, HeldTradeResponse? Held, WalletRunResponse? Run)
{
    public static ApprovalDecisionResponse From(ApprovalDecision d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(
            ApprovalResponse.From(d.Approval),
            d.Trade is TradeOutcome.Executed e ? TradeResponse.From(e.Result) : null,
            d.Trade is TradeOutcome.Held h ? new HeldTradeResponse("held", h.Trade.Id, h.Trade.Reasons) : null,
            d.Run is { } run ? WalletRunResponse.From(run) : null);
    }
}
