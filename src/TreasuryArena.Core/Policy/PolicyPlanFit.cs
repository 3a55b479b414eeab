namespace TreasuryArena.Core.Policy;

/// <summary>
/// A plan fitted inside the IPS (<see cref="PolicyCheck.FitPlan"/>): the USD amount each line may keep, in the plan's
/// order (a sell always keeps its amount; a buy is cut to what the policy leaves room for, 0 when none), and one record
/// per cut buy naming the clause that cut it.
/// </summary>
public sealed record PolicyPlanFit(IReadOnlyList<decimal> Amounts, IReadOnlyList<PolicyBreach> Cuts)
{
    /// <summary>True when no line was cut.</summary>
    public bool Whole => Cuts.Count == 0;
}
