namespace TreasuryArena.Core.Advice;

/// <summary>Which question an advisor answered.</summary>
public enum DecisionKind
{
    /// <summary>The daily market analysis: act today or not.</summary>
    DailyAnalysis,

    /// <summary>Approve, reject or shrink a proposed set of orders.</summary>
    RebalanceApproval,

    /// <summary>An emergency (crash, exploit): de-risk or hold.</summary>
    EmergencyAssessment,

    /// <summary>The weekly performance review (commentary; never trades).</summary>
    WeeklyReview,
}
