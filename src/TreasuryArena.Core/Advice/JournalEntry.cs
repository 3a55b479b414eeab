namespace TreasuryArena.Core.Advice;

/// <summary>
/// One journaled decision: what the advisor saw (<see cref="Inputs"/> as JSON, the portfolio and prices), for a model
/// advisor the prompt and raw answer, the parsed decision, the candidate orders (the plan to target), the orders the
/// guardrails let through and any cuts, whether they were executed, and later the outcome.
/// </summary>
public sealed record JournalEntry
{
    public long Id { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }

    public required DateOnly AsOf { get; init; }

    public required Decision Decision { get; init; }

    /// <summary>The advisor context as JSON (indicators with ages, allocation, triggers, limits, recent decisions).</summary>
    public required string Inputs { get; init; }

    public string? Prompt { get; init; }

    public string? RawAnswer { get; init; }

    public required PortfolioSnapshot PortfolioBefore { get; init; }

    public required IReadOnlyDictionary<string, decimal> Prices { get; init; }

    public required IReadOnlyList<TradeOrder> Candidate { get; init; }

    public required IReadOnlyList<TradeOrder> Approved { get; init; }

    public IReadOnlyList<GuardrailIntervention> Interventions { get; init; } = [];

    /// <summary>True once the approved orders filled on the paper venue (at the next bar, see <see cref="Fills"/>); until then they are queued.</summary>
    public bool Executed { get; init; }

    /// <summary>The fills of the approved orders at the next bar (date and price), recorded when they settle; empty until then.</summary>
    public IReadOnlyList<JournalFill> Fills { get; init; } = [];

    public DecisionOutcome? Outcome { get; init; }

    /// <summary>+1/−1/0: how the approved orders (or, for a decision that did not act, nothing) moved the volatile share.</summary>
    public int TacticalDirection => Decision.Acts ? AdvisorContext.TacticalDirectionOf(Approved) : 0;

    public PastDecision ToPastDecision() =>
        new(AsOf, Decision.Kind, Decision.Action, Decision.Advisor, Decision.Confidence, TacticalDirection, Outcome?.Right, Outcome?.Summary);
}
