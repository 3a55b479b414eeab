using TreasuryArena.Core.Wallets.Optimization;

namespace TreasuryArena.Server.Contracts;

/// <summary>What the wallet optimizer suggested, proposed or executed for one wallet, and why.</summary>
public sealed record WalletRunResponse(
    string Address,
    string Mode,
    string Action,
    IReadOnlyDictionary<string, decimal> TargetWeights,
    IReadOnlyList<OrderResponse> Orders,
    int Executions,
    string Reason,
    Guid? ProposalId,
    WalletExpectationResponse? Expected = null)
{
    public static WalletRunResponse From(WalletRunResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(
            r.Address,
            r.Mode,
            r.Action,
            r.TargetWeights,
            r.Orders.Select(o => new OrderResponse(o.Symbol, o.Side.ToString().ToLowerInvariant(), o.Shares, o.Amount, o.EstimatedFee, o.QuotedNav)).ToList(),
            r.Executions.Count,
            r.Reason,
            r.ProposalId,
            r.Recommendation is { } rec ? WalletExpectationResponse.From(rec) : null);
    }
}
