using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Advice;

/// <summary>
/// The embedded, deterministic advisor. Its rules, in the order they are applied:
/// <list type="number">
/// <item>R1 emergency: an emergency trigger → de-risk (confidence 85).</item>
/// <item>R2 nothing to do: an empty candidate plan → hold.</item>
/// <item>R3 costs vs benefit. For a treasury plan (a proposal with a <see cref="TradeMandate"/>): a named trigger (MVRV
/// ladder rung, emergency) is the strategy's own rule and is not second-guessed on costs; a drift-only plan must remove
/// more tracking risk than it costs. The benefit is the certainty-equivalent cost of staying off target for
/// <see cref="RuleAdvisorOptions.BenefitHorizonDays"/>: ½ · γ · σ² · (drift² − drift after²) · value · horizon / 365,
/// γ = <see cref="RuleAdvisorOptions.RiskAversion"/>, σ = BTC's 30-day realised volatility (or
/// <see cref="RuleAdvisorOptions.FallbackVolatility"/> when it is missing), drift after = 0 (the plan goes to target).
/// It grows with the square of the drift while costs grow linearly, so small drifts never pay and large ones do.
/// Wallet proposals (no mandate) keep the older test, benefit = drift × value × <see cref="RuleAdvisorOptions.ExpectedEdge"/>.
/// When the plan's estimated fees and slippage exceed the benefit → hold.</item>
/// <item>R4 cool-down: an acting decision in the last <see cref="RuleAdvisorOptions.CoolDownDays"/> days that moved the
/// volatile share the other way → hold, unless the drift is past twice the band.</item>
/// <item>R5 weak signal: drift inside the band and signal confidence below <see cref="RuleAdvisorOptions.MinSignalConfidence"/> → hold.</item>
/// <item>R6 otherwise act (rebalance / approve); for a rebalance approval, a signal confidence below
/// <see cref="RuleAdvisorOptions.ShrinkBelowConfidence"/> with drift under twice the band → shrink to half.</item>
/// </list>
/// Confidence of an acting decision = 40% of the signal confidence + 30 × min(drift / band, 2), capped to 0..95.
/// Learning from the journal: once some of its recent calls have been scored, every confidence is shrunk towards the
/// rule advisor's observed hit rate, c' = w·c + (1 − w)·100·hit rate with w = k / (k + n) (n scored calls,
/// k = <see cref="RuleAdvisorOptions.CalibrationPrior"/>), so a record of wrong calls lowers its stated confidence.
/// </summary>
public sealed class RuleAdvisor(RuleAdvisorOptions options, TimeProvider timeProvider) : IAdvisor
{
    public string Name => Decision.RulesAdvisor;

    /// <summary>The rules this advisor applies (section <c>Advisor:Rules</c> as the host read it).</summary>
    public RuleAdvisorOptions Options => options;

    public Task<Decision> AnalyzeDailyAsync(AdvisorContext context, CancellationToken cancellationToken) =>
        Task.FromResult(Decide(context, DecisionKind.DailyAnalysis));

    public Task<Decision> ReviewRebalanceAsync(AdvisorContext context, CancellationToken cancellationToken) =>
        Task.FromResult(Decide(context, DecisionKind.RebalanceApproval));

    public Task<Decision> AssessEmergencyAsync(AdvisorContext context, EmergencyEvent emergency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(emergency);
        var start = timeProvider.GetTimestamp();
        var volatileShare = context.Portfolio.TotalValue == 0m ? 0m : context.Portfolio.VolatileValue / context.Portfolio.TotalValue;
        var decision = volatileShare > 0m
            ? new Decision(DecisionKind.EmergencyAssessment, DecisionAction.DeRisk,
                F($"R1 emergency ({emergency.Kind}): {emergency.Description}. Tactical holdings are {volatileShare:P1} of the treasury; move them to the base until the situation is understood."), 85, Name)
            : new Decision(DecisionKind.EmergencyAssessment, DecisionAction.Hold,
                F($"R1 emergency ({emergency.Kind}): {emergency.Description}. The treasury holds no tactical assets, so there is nothing to de-risk."), 90, Name);
        return Task.FromResult(decision with { Latency = timeProvider.GetElapsedTime(start) });
    }

    public Task<Decision> ReviewWeekAsync(WeeklyReviewInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var start = timeProvider.GetTimestamp();
        var lines = new List<string>
        {
            F($"Week {input.From:yyyy-MM-dd} to {input.To:yyyy-MM-dd}: treasury value {input.TreasuryValue:N2} USD, return {Pct(input.TreasuryReturn)} against {Pct(input.Static6040Return)} for a static 60/40 and {Pct(input.BtcBuyAndHoldReturn)} for buy-and-hold BTC."),
        };
        foreach (var card in input.Scorecards)
        {
            lines.Add(card.Scored == 0
                ? F($"{card.Advisor}: {card.Decisions} decisions, none scored yet.")
                : F($"{card.Advisor}: {card.Right} of {card.Scored} scored calls right ({Pct(card.HitRate)}), mean confidence {card.MeanConfidence:0}, Brier score {card.BrierScore:0.000}.")
                  + Calibration(card));
        }

        var scored = input.Scorecards.Sum(c => c.Scored);
        var confidence = Math.Clamp(30 + (2 * scored), 30, 80);
        var decision = new Decision(DecisionKind.WeeklyReview, DecisionAction.Acknowledge, string.Join(' ', lines), confidence, Name)
        {
            Latency = timeProvider.GetElapsedTime(start),
        };
        return Task.FromResult(decision);
    }

    private Decision Decide(AdvisorContext context, DecisionKind kind)
    {
        ArgumentNullException.ThrowIfNull(context);
        var start = timeProvider.GetTimestamp();
        var raw = Evaluate(context, kind);
        var scored = context.RecentDecisions.Where(d => d.Right is not null && string.Equals(d.Advisor, Name, StringComparison.OrdinalIgnoreCase)).ToList();
        var decision = raw;
        if (scored.Count > 0)
        {
            var hitRate = scored.Count(d => d.Right == true) / (decimal)scored.Count;
            var w = options.CalibrationPrior / (decimal)(options.CalibrationPrior + scored.Count);
            var calibrated = (int)RoundingPolicy.Nearest((w * raw.Confidence) + ((1m - w) * 100m * hitRate), 0);
            decision = new Decision(raw.Kind, raw.Action, raw.Reasoning + F($" Confidence {raw.Confidence} calibrated to {calibrated}: {scored.Count(d => d.Right == true)} of my last {scored.Count} scored calls were right."), Math.Clamp(calibrated, 0, 100), Name)
            {
                Adjustments = raw.Adjustments,
            };
        }

        return decision with { Latency = timeProvider.GetElapsedTime(start) };
    }

    private Decision Evaluate(AdvisorContext context, DecisionKind kind)
    {
        var act = kind == DecisionKind.RebalanceApproval ? DecisionAction.Approve : DecisionAction.Rebalance;
        var hold = kind == DecisionKind.RebalanceApproval ? DecisionAction.Reject : DecisionAction.Hold;
        var proposal = context.Proposal;
        var drift = context.Drift;
        var band = context.DriftBand <= 0m ? 0.05m : context.DriftBand;
        var nav = context.Portfolio.TotalValue;
        var signal = context.Market.SignalConfidence;

        if (context.HasEmergency && !proposal.IsEmpty)
        {
            var trigger = context.Triggers.First(t => t.StartsWith("emergency", StringComparison.OrdinalIgnoreCase));
            return new Decision(kind, kind == DecisionKind.RebalanceApproval ? DecisionAction.Approve : DecisionAction.DeRisk,
                F($"R1 emergency: {trigger}. Reduce tactical exposure now; the guardrails still apply."), 85, Name);
        }

        if (proposal.IsEmpty)
        {
            return new Decision(kind, hold,
                F($"R2 nothing to do: drift is {drift:P1} against a {band:P0} band and no trigger asks for a trade. Phase {context.Market.Phase}, target tactical share {context.Market.TargetTacticalShare:P0}."),
                Math.Clamp(50 + (signal / 4), 0, 90), Name);
        }

        var cost = proposal.TotalEstimatedCost;
        decimal benefit;
        string benefitRule;
        if (proposal.Mandate is { } mandate)
        {
            var sigma = context.Market.Indicators.FirstOrDefault(i => i.Name == Intelligence.IndicatorNames.BtcRealisedVol30d)?.Value is { } v && v > 0 && double.IsFinite(v)
                ? AnalyticsBoundary.ToDecimal(v)
                : options.FallbackVolatility;
            benefit = RoundingPolicy.Cents(0.5m * options.RiskAversion * sigma * sigma * drift * drift * nav * options.BenefitHorizonDays / 365m);
            benefitRule = F($"½ × risk aversion {options.RiskAversion:0.##} × volatility {sigma:P0}² × drift {drift:P1}² × value {nav:N0} × {options.BenefitHorizonDays}/365 days");
            if (mandate.NamedTriggers.Count > 0)
            {
                benefitRule += F($"; not binding: {string.Join("; ", mandate.NamedTriggers)} asks for the trade");
            }
            else if (cost > benefit)
            {
                return new Decision(kind, hold,
                    F($"R3 costs exceed the benefit: {mandate.Describe()}, but the plan would cost about {cost:N2} USD in fees and slippage for {benefit:N2} USD of tracking risk removed ({benefitRule})."),
                    70, Name);
            }
        }
        else
        {
            benefit = drift * nav * options.ExpectedEdge;
            benefitRule = F($"drift {drift:P1} × value {nav:N0} × edge {options.ExpectedEdge:P0}");
            if (cost > benefit)
            {
                return new Decision(kind, hold,
                    F($"R3 costs exceed the benefit: the plan would cost about {cost:N2} USD in fees and slippage for an expected benefit of {benefit:N2} USD ({benefitRule})."),
                    70, Name);
            }
        }

        var direction = AdvisorContext.TacticalDirectionOf(proposal.Orders);
        var coolDownStart = context.AsOf.AddDays(-options.CoolDownDays);
        var recentOpposite = context.RecentDecisions
            .Where(d => d.Date > coolDownStart && d.Date <= context.AsOf && d.TacticalDirection != 0 && d.TacticalDirection == -direction && direction != 0)
            .OrderByDescending(d => d.Date)
            .FirstOrDefault();
        if (recentOpposite is not null && drift < 2m * band)
        {
            return new Decision(kind, hold,
                F($"R4 cool-down: on {recentOpposite.Date:yyyy-MM-dd} the treasury moved the other way ({recentOpposite.Action}); reversing within {options.CoolDownDays} days would be flip-flopping, and the drift ({drift:P1}) is not past twice the band."),
                65, Name);
        }

        if (drift < band && signal < options.MinSignalConfidence)
        {
            return new Decision(kind, hold,
                F($"R5 weak signal: drift {drift:P1} is inside the {band:P0} band and the signal's confidence is only {signal}; wait for a clearer signal."),
                60, Name);
        }

        var confidence = (int)Math.Clamp((0.4m * signal) + (30m * Math.Min(drift / band, 2m)), 0m, 95m);
        var reasons = context.Market.Reasons.Count == 0 ? "" : " Signal: " + string.Join("; ", context.Market.Reasons) + ".";
        var triggers = proposal.Mandate is { } m
            ? " " + char.ToUpperInvariant(m.Describe()[0]) + m.Describe()[1..] + "."
            : context.Triggers.Count == 0 ? "" : " Triggers: " + string.Join("; ", context.Triggers) + ".";
        if (kind == DecisionKind.RebalanceApproval && signal < options.ShrinkBelowConfidence && drift < 2m * band)
        {
            return new Decision(kind, DecisionAction.Shrink,
                F($"R6 act, but carefully: the signal's confidence ({signal}) is below {options.ShrinkBelowConfidence}, so take half the step now. Drift {drift:P1}, costs {cost:N2} USD against a benefit of {benefit:N2} USD.{triggers}{reasons}"),
                confidence, Name)
            {
                Adjustments = DecisionAdjustments.Uniform(0.5m),
            };
        }

        return new Decision(kind, act,
            F($"R6 act: drift {drift:P1} (band {band:P0}), phase {context.Market.Phase}, target tactical share {context.Market.TargetTacticalShare:P0}; estimated costs {cost:N2} USD against a benefit of {benefit:N2} USD ({benefitRule}).{triggers}{reasons}"),
            confidence, Name);
    }

    private static string Calibration(AdvisorScorecard card) =>
        card.Calibration.Count == 0
            ? ""
            : " Calibration: " + string.Join(", ", card.Calibration.Select(b => F($"{b.From}–{b.To}: {b.HitRate:P0} right over {b.Count}"))) + ".";

    private static string Pct(double? value) => Text.Percent(value);

    private static string F(FormattableString s) => Text.F(s);
}
