namespace TreasuryArena.Core.Advice;

/// <summary>
/// The advisor port. Every allocation change is reviewed here before it may execute; whatever an advisor answers,
/// <see cref="Guardrails"/> are applied afterwards, so an advisor can approve, reject or shrink, never widen.
/// Implementations never throw for an advisor-side failure: they return a decision (a model advisor returns the rule
/// decision with <see cref="Decision.FallbackReason"/> set).
/// </summary>
public interface IAdvisor
{
    /// <summary>The advisor's name as journaled (<c>rules</c>, <c>claude</c>).</summary>
    string Name { get; }

    /// <summary>The daily market analysis: act today (<see cref="DecisionAction.Rebalance"/>) or not (<see cref="DecisionAction.Hold"/>).</summary>
    Task<Decision> AnalyzeDailyAsync(AdvisorContext context, CancellationToken cancellationToken);

    /// <summary>Approve, reject or shrink <see cref="AdvisorContext.Proposal"/>.</summary>
    Task<Decision> ReviewRebalanceAsync(AdvisorContext context, CancellationToken cancellationToken);

    /// <summary>Assess an emergency: <see cref="DecisionAction.DeRisk"/> or <see cref="DecisionAction.Hold"/>.</summary>
    Task<Decision> AssessEmergencyAsync(AdvisorContext context, EmergencyEvent emergency, CancellationToken cancellationToken);

    /// <summary>The weekly performance review: plain-language commentary (<see cref="DecisionAction.Acknowledge"/>).</summary>
    Task<Decision> ReviewWeekAsync(WeeklyReviewInput input, CancellationToken cancellationToken);
}
