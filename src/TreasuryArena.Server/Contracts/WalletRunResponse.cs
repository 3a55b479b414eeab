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
    /// <summary>The organisation's IPS clause that leaves no feasible target (issue 21): nothing planned; null when solved inside the policy.</summary>
    public PolicyBreachResponse? PolicyRefusal { get; init; }

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
            r.Recommendation is { } rec ? WalletExpectationResponse.From(rec) : null)
        {
            PolicyRefusal = r.Recommendation?.PolicyRefusal is { } refusal ? PolicyBreachResponse.From(refusal) : null,
        };
    }
}
