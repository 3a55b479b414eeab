using System.Text.Json;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Wallets.Optimization;

/// <summary>
/// The stored form of a rebalance plan held for review as one decision (the <c>request</c> of its
/// <see cref="Compliance.HeldTrade"/>): the wallet, every order exactly as planned (with its quoted NAV) and the
/// target weights, so that release executes the plan that was reviewed, re-checked against current prices and caps.
/// </summary>
public sealed record HeldPlan(string Kind, string Address, string Method, IReadOnlyList<RebalanceOrder> Orders, IReadOnlyDictionary<string, decimal> TargetWeights)
{
    public const string PlanKind = "rebalance_plan";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) } };

    public static HeldPlan Of(string address, string method, IReadOnlyList<RebalanceOrder> orders, IReadOnlyDictionary<string, decimal> targets) =>
        new(PlanKind, address, method, orders, targets);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static HeldPlan Parse(string request)
    {
        var plan = JsonSerializer.Deserialize<HeldPlan>(request, Json);
        return plan is { Kind: PlanKind, Orders: not null }
            ? plan
            : throw new Common.DomainException(Outcome.NotAPlan, "the held trade does not hold a rebalance plan");
    }
}
