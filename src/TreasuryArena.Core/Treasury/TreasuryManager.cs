using System.Text.Json;
using System.Text.Json.Serialization;
using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Policy;

namespace TreasuryArena.Core.Treasury;

/// <summary>
/// The treasury use cases: status (daily summary), plan, daily advice, execute, outcome evaluation and the weekly
/// review. Every decision goes proposal → advisor → guardrails → mode gate → paper venue, and is journaled.
/// The drift band is real: a plan trades only when the drift is at or past <see cref="TreasuryOptions.DriftThreshold"/>
/// or a named trigger asks (an MVRV ladder rung sold or the re-entry, an emergency), and the plan and decision say
/// which (<see cref="TradeMandate"/>). The MVRV ladder has memory (<see cref="TreasuryMemory"/>, saved on every advise
/// and execute). Orders approved on day d's close are queued and fill at the next bar, d + 1's close, on the first run
/// on or after d + 1 (<see cref="PendingOrders"/>); the journal entry of the decision then records the fills.
/// With no stored treasury, the configured default ($400,000 at 60/40 by default) is opened at
/// <see cref="TreasuryOptions.InceptionDate"/> (or at the date asked about) and used without being saved until an
/// execution saves it.
/// </summary>
public sealed class TreasuryManager(
    TreasuryOptions options,
    IAdvisor advisor,
    ITreasuryMarket market,
    ITreasuryStore store,
    IDecisionJournal journal,
    TimeProvider timeProvider,
    IPolicyStore? policies = null,
    Guid organisationId = default)
{
    private const int RecentDecisionCount = 20;

    private static readonly JsonSerializerOptions InputsJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private readonly GuardrailLimits _limits = options.Validated().Limits();

    public TreasuryOptions Options => options;

    /// <summary>The date to use when none is given: the latest date the market data covers.</summary>
    public DateOnly DefaultAsOf => market.LatestDate;

    public async Task<TreasuryStatus> StatusAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        var (portfolio, isDefault, _) = await LoadAsync(asOf, cancellationToken);
        var memory = await store.LoadMemoryAsync(cancellationToken);
        var marks = await market.MarksOnAsync(asOf, portfolio.Inception, cancellationToken);
        var assessment = await market.AssessAsync(asOf, memory.Ladder, cancellationToken);
        var targets = TreasuryTargets.Create(options, assessment.TargetTacticalShare, assessment.BtcShareOfTactical ?? options.BtcShareOfTactical);
        var valuation = TreasuryValuation.Mark(portfolio, marks, targets);
        var policy = policies is null ? null : (await policies.CurrentAsync(organisationId, cancellationToken))?.Policy;
        IReadOnlyList<string> policyNotes = [];
        if (policy is not null)
        {
            // The organisation's IPS: the targets are solved inside it (caps, reserve in cash) before anything is planned.
            targets = targets.WithinPolicy(policy, valuation.TotalValue, out policyNotes);
            valuation = TreasuryValuation.Mark(portfolio, marks, targets);
        }

        var latest = (await journal.ListAsync(RecentDecisionCount, cancellationToken)).FirstOrDefault(e => e.AsOf == asOf);
        return new TreasuryStatus(asOf, isDefault, options.ParsedMode(), valuation, targets, await PerformanceAsync(portfolio, valuation, marks, cancellationToken), assessment, latest)
        {
            Pending = memory.Pending,
            Policy = policy,
            PolicyNotes = policyNotes,
        };
    }

    /// <summary>The rebalancing plan on <paramref name="asOf"/> (to target, or a de-risk plan in an emergency); nothing is journaled.</summary>
    public async Task<(TreasuryStatus Status, RebalancePlan Plan)> PlanAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        var status = await StatusAsync(asOf, cancellationToken);
        return (status, BuildPlan(status));
    }

    /// <summary>The daily analysis: asks the advisor, applies the guardrails and journals the decision. An emergency
    /// de-risk executes only in FULL_AI mode; otherwise it is journaled as proposed.</summary>
    public async Task<AdviceResult> AdviseAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        await EvaluateOutcomesAsync(asOf, cancellationToken);
        var settled = await SettleAsync(asOf, cancellationToken);
        var status = await StatusAsync(asOf, cancellationToken);
        var plan = BuildPlan(status);
        var triggers = Triggers(status);
        var context = await ContextAsync(status, plan, plan.Proposal, triggers, cancellationToken);
        var emergency = status.Assessment.Emergency;
        var decision = emergency is not null
            ? await advisor.AssessEmergencyAsync(context, emergency, cancellationToken)
            : await advisor.AnalyzeDailyAsync(context, cancellationToken);
        var guarded = Guardrails.Apply(context.Portfolio, context.Proposal, decision, _limits);
        var execute = emergency is not null && decision.Action == DecisionAction.DeRisk && options.ParsedMode() == TreasuryMode.FullAi;
        return await FinishAsync(status, plan, context, decision, guarded, execute, settled, cancellationToken);
    }

    /// <summary>Plans, asks the advisor to approve/reject/shrink, applies the guardrails and executes what passes on
    /// the paper venue (a person ran the command, so the mode gate is satisfied), then saves and journals.</summary>
    public async Task<AdviceResult> ExecuteAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        await EvaluateOutcomesAsync(asOf, cancellationToken);
        var settled = await SettleAsync(asOf, cancellationToken);
        var status = await StatusAsync(asOf, cancellationToken);
        if (!status.IsDefault)
        {
            var stored = await store.LoadAsync(cancellationToken);
            if (stored is not null && asOf < stored.UpdatedOn)
            {
                throw new ArgumentException($"the treasury was last changed on {stored.UpdatedOn:yyyy-MM-dd}; it cannot execute on an earlier date ({asOf:yyyy-MM-dd})");
            }

            if (status.Pending is { } queued && asOf < queued.DecidedOn)
            {
                throw new ArgumentException($"orders were queued on {queued.DecidedOn:yyyy-MM-dd}; the treasury cannot execute on an earlier date ({asOf:yyyy-MM-dd})");
            }
        }

        var plan = BuildPlan(status);
        var triggers = Triggers(status);
        var context = await ContextAsync(status, plan, plan.Proposal, triggers, cancellationToken);
        var decision = await advisor.ReviewRebalanceAsync(context, cancellationToken);
        var guarded = Guardrails.Apply(context.Portfolio, context.Proposal, decision, _limits);
        return await FinishAsync(status, plan, context, decision, guarded, true, settled, cancellationToken);
    }

    /// <summary>The date the treasury is looked at on <paramref name="today"/>: today, or the latest date the market data covers if that is earlier.</summary>
    public DateOnly AsOfFor(DateOnly today) => today < market.LatestDate ? today : market.LatestDate;

    /// <summary>
    /// The scheduled daily analysis: the advisor's daily decision, journaled (<see cref="AdviseAsync"/>); then the mode
    /// gate — in FULL_AI a decision that acts on a plan with orders goes on to <see cref="ExecuteAsync"/> (the advisor
    /// reviews the rebalance, the guardrails apply, the paper venue fills, both decisions are journaled); in HYBRID and
    /// MANUAL it stays journaled as proposed for a person to execute.
    /// </summary>
    public async Task<(AdviceResult Daily, AdviceResult? Executed)> RunDailyAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        var daily = await AdviseAsync(asOf, cancellationToken);
        var acts = daily.Decision.Acts && daily.Guarded.Orders.Count > 0 && daily.Queued is null;
        if (!acts || options.ParsedMode() != TreasuryMode.FullAi)
        {
            return (daily, null);
        }

        return (daily, await ExecuteAsync(asOf, cancellationToken));
    }

    /// <summary>
    /// The daily analysis as the scheduler runs it: once per as-of date. When the journal already holds the daily
    /// decision for <paramref name="asOf"/> (the market data has not moved on since, e.g. it ends before today), nothing
    /// is asked or journaled again and that entry is returned as <c>Existing</c>.
    /// </summary>
    public async Task<(AdviceResult? Daily, AdviceResult? Executed, JournalEntry? Existing)> RunDailyOnceAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        if (await journal.DailyDecisionOnAsync(asOf, cancellationToken) is { } existing)
        {
            return (null, null, existing);
        }

        var (daily, executed) = await RunDailyAsync(asOf, cancellationToken);
        return (daily, executed, null);
    }

    /// <summary>Judges every journaled decision whose horizon has passed by <paramref name="asOf"/>; returns how many.</summary>
    public async Task<int> EvaluateOutcomesAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        var horizon = options.OutcomeHorizonDays;
        var pending = await journal.PendingOutcomesAsync(asOf.AddDays(-horizon), cancellationToken);
        var count = 0;
        foreach (var entry in pending)
        {
            var then = entry.AsOf.AddDays(horizon);
            if (then > market.LatestDate)
            {
                continue;
            }

            TreasuryMarks marks;
            try
            {
                marks = await market.MarksOnAsync(then, entry.AsOf, cancellationToken);
            }
            catch (ArgumentException)
            {
                continue;
            }

            var pricesThen = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
            foreach (var (asset, price) in entry.Prices)
            {
                var venue = options.EffectiveBaseVenues().FirstOrDefault(v => string.Equals(v.Asset, asset, StringComparison.OrdinalIgnoreCase));
                // The marks were taken with the decision's date as inception, so a venue's mark is its accrual since
                // then (launch-gated by the market view).
                pricesThen[asset] = venue is null
                    ? marks.Prices.GetValueOrDefault(asset, price)
                    : price * marks.Prices.GetValueOrDefault(asset, TreasuryMarks.YieldIndex(venue.Apy, entry.AsOf, then));
            }

            await journal.RecordOutcomeAsync(entry.Id, OutcomeEvaluator.Evaluate(entry, pricesThen, then), cancellationToken);
            count++;
        }

        return count;
    }

    /// <summary>The weekly review to <paramref name="asOf"/>: outcomes brought up to date, scorecards per advisor, the
    /// treasury's week against the benchmarks, and the advisor's commentary (journaled). One review per ISO week: when the
    /// journal already holds a review dated in <paramref name="asOf"/>'s week, that review is returned (its figures read
    /// again to its date, <see cref="WeeklyReviewReport.Repeated"/> set) and nothing is journaled or asked of the advisor.</summary>
    public async Task<WeeklyReviewReport> ReviewAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        var evaluated = await EvaluateOutcomesAsync(asOf, cancellationToken);
        if (await WeeklyReviewOfWeekAsync(asOf, cancellationToken) is { } existing)
        {
            var (figures, _, _) = await WeekAsync(existing.AsOf, cancellationToken);
            return new WeeklyReviewReport(figures, existing.Decision, evaluated) { JournalId = existing.Id, Repeated = true };
        }

        var (input, portfolio, marksTo) = await WeekAsync(asOf, cancellationToken);
        var commentary = await advisor.ReviewWeekAsync(input, cancellationToken);
        var id = await journal.AppendAsync(new JournalEntry
        {
            RecordedAt = timeProvider.GetUtcNow(),
            AsOf = asOf,
            Decision = commentary,
            Inputs = JsonSerializer.Serialize(input, InputsJson),
            Prompt = commentary.Transcript?.Prompt,
            RawAnswer = commentary.Transcript?.RawAnswer,
            PortfolioBefore = new PortfolioSnapshot(portfolio.Cash, [], portfolio.PeakValue),
            Prices = marksTo.Prices,
            Candidate = [],
            Approved = [],
        }, cancellationToken);
        return new WeeklyReviewReport(input, commentary, evaluated) { JournalId = id };
    }

    /// <summary>The weekly review journaled in the ISO week (Monday to Sunday) of <paramref name="asOf"/>, or null.</summary>
    private async Task<JournalEntry?> WeeklyReviewOfWeekAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        var week = (System.Globalization.ISOWeek.GetYear(asOf.ToDateTime(TimeOnly.MinValue)), System.Globalization.ISOWeek.GetWeekOfYear(asOf.ToDateTime(TimeOnly.MinValue)));
        var entries = await journal.ListAsync(int.MaxValue, cancellationToken);
        return entries.FirstOrDefault(e => e.Decision.Kind == DecisionKind.WeeklyReview
            && (System.Globalization.ISOWeek.GetYear(e.AsOf.ToDateTime(TimeOnly.MinValue)), System.Globalization.ISOWeek.GetWeekOfYear(e.AsOf.ToDateTime(TimeOnly.MinValue))) == week);
    }

    /// <summary>The weekly review's figures to <paramref name="asOf"/> as the journal stands (scorecards per advisor, the
    /// treasury's week against the benchmarks), without evaluating outcomes, asking the advisor or journaling anything.</summary>
    public async Task<WeeklyReviewInput> WeeklyFiguresAsync(DateOnly asOf, CancellationToken cancellationToken) =>
        (await WeekAsync(asOf, cancellationToken)).Input;

    private async Task<(WeeklyReviewInput Input, TreasuryPortfolio Portfolio, TreasuryMarks MarksTo)> WeekAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        var entries = await journal.ListAsync(int.MaxValue, cancellationToken);
        var from = asOf.AddDays(-7);
        var (portfolio, _, _) = await LoadAsync(asOf, cancellationToken);
        var marksTo = await market.MarksOnAsync(asOf, portfolio.Inception, cancellationToken);
        var valueTo = TreasuryValuation.Mark(portfolio, marksTo, TreasuryTargets.Static(options)).TotalValue;
        double? treasuryReturn = null;
        double? staticReturn = null;
        double? btcReturn = null;
        if (from >= portfolio.Inception)
        {
            var marksFrom = await market.MarksOnAsync(from, portfolio.Inception, cancellationToken);
            var valueFrom = TreasuryValuation.Mark(portfolio, marksFrom, TreasuryTargets.Static(options)).TotalValue;
            treasuryReturn = Ratio(valueTo, valueFrom);
            var perfFrom = await PerformanceAsync(portfolio, TreasuryValuation.Mark(portfolio, marksFrom, TreasuryTargets.Static(options)), marksFrom, cancellationToken);
            var perfTo = await PerformanceAsync(portfolio, TreasuryValuation.Mark(portfolio, marksTo, TreasuryTargets.Static(options)), marksTo, cancellationToken);
            staticReturn = Ratio(perfTo.Static6040Value, perfFrom.Static6040Value);
            btcReturn = Ratio(perfTo.BtcBuyAndHoldValue, perfFrom.BtcBuyAndHoldValue);
        }

        return (new WeeklyReviewInput(from, asOf, valueTo, treasuryReturn, staticReturn, btcReturn, AdvisorScorecards.Compute(entries)), portfolio, marksTo);
    }

    private static double Ratio(decimal to, decimal from) => from == 0m ? 0.0 : AnalyticsBoundary.ToDouble(to / from) - 1.0;

    private RebalancePlan BuildPlan(TreasuryStatus status)
    {
        var mandate = Mandate(status);
        RebalancePlan plan;
        if (status.Assessment.Emergency is { } emergency)
        {
            var safe = TreasuryTargets.Create(options, 0m, status.Targets.BtcShareOfTactical);
            if (status.Policy is { } policy)
            {
                safe = safe.WithinPolicy(policy, status.Valuation.TotalValue, out _);
            }

            var valuation = status.Valuation with { Lines = [.. status.Valuation.Lines.Select(l => l with { TargetWeight = safe.WeightOf(l.Asset) })] };
            plan = RebalancePlanner.Plan(valuation, safe, options, _limits, $"{mandate.Describe()} → emergency de-risk of the tactical sleeve");
        }
        else if (!mandate.Allows)
        {
            // Inside the band with no named trigger: nothing to plan (the guardrails would cut it anyway).
            plan = new RebalancePlan(status.Valuation, status.Targets, new RebalanceProposal(status.AsOf, mandate.Describe(), []), []);
        }
        else
        {
            var ips = status.PolicyNotes.Count == 0 ? "" : " (inside the organisation's IPS: " + string.Join("; ", status.PolicyNotes) + ")";
            plan = RebalancePlanner.Plan(status.Valuation, status.Targets, options, _limits, mandate.Describe() + ips);
        }

        return plan with { Proposal = plan.Proposal with { Mandate = mandate } };
    }

    /// <summary>What may make the treasury trade on the status's date: drift at or past the band, the ladder changing
    /// that day, an emergency. Phase and Fear &amp; Greed changes are reported as triggers but only move the target.</summary>
    private TradeMandate Mandate(TreasuryStatus status)
    {
        var named = new List<string>();
        if (status.Assessment.Ladder?.TriggerOn(status.AsOf) is { } rung)
        {
            named.Add(rung);
        }

        if (status.Assessment.Emergency is { } e)
        {
            named.Add($"emergency {e.Kind}: {e.Description}");
        }

        return new TradeMandate(status.Valuation.Drift, options.DriftThreshold, named);
    }

    private List<string> Triggers(TreasuryStatus status)
    {
        var mandate = Mandate(status);
        var triggers = mandate.Reasons.ToList();
        triggers.AddRange(status.Assessment.Triggers.Where(t => !triggers.Contains(t, StringComparer.Ordinal)).Select(t =>
            t.StartsWith("emergency", StringComparison.OrdinalIgnoreCase) ? t : $"signal (moves the target, does not trade inside the band): {t}"));
        return triggers.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Fills the orders queued by an earlier decision at the next bar after it (the close of the day after the decision)
    /// when that day is on or before <paramref name="asOf"/>. The queue is cleared before the fills are posted, so a
    /// crash in between loses the orders rather than filling them twice; sells fill first and the buys are scaled down
    /// together if the sells raised less than the decision expected (a price that fell overnight). Without a usable
    /// price that day the orders lapse (journaled with no fills).
    /// </summary>
    private async Task<IReadOnlyList<Fill>> SettleAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        var memory = await store.LoadMemoryAsync(cancellationToken);
        if (memory.Pending is not { } pending || pending.FillOn > asOf)
        {
            return [];
        }

        var portfolio = await store.LoadAsync(cancellationToken)
            ?? throw new InvalidOperationException($"orders are queued from {pending.DecidedOn:yyyy-MM-dd} but no treasury is stored");
        await store.SaveMemoryAsync(memory with { Pending = null }, cancellationToken);
        TreasuryMarks marks;
        try
        {
            marks = await market.MarksOnAsync(pending.FillOn, portfolio.Inception, cancellationToken);
        }
        catch (ArgumentException)
        {
            await journal.RecordFillsAsync(pending.JournalId, [], cancellationToken);
            return [];
        }

        var sold = PaperVenue.Execute(portfolio, [.. pending.Orders.Where(o => o.Side == OrderSide.Sell)], marks);
        var buys = pending.Orders.Where(o => o.Side == OrderSide.Buy).ToList();
        var needed = buys.Sum(b => b.Notional + b.EstimatedCost);
        if (needed > sold.Portfolio.Cash && needed > 0m)
        {
            var scale = Math.Max(0m, sold.Portfolio.Cash - (0.02m * buys.Count)) / needed;
            buys = [.. buys.Select(b => b.WithNotional(RoundingPolicy.CentsDown(b.Notional * scale))).Where(b => b.Notional > 0m)];
        }

        var bought = PaperVenue.Execute(sold.Portfolio, buys, marks);
        var fills = sold.Fills.Concat(bought.Fills).ToList();
        var after = TreasuryValuation.Mark(bought.Portfolio, marks, TreasuryTargets.Static(options));
        await store.SaveAsync(bought.Portfolio with { PeakValue = Math.Max(bought.Portfolio.PeakValue, after.TotalValue) }, fills, marks, cancellationToken);
        await journal.RecordFillsAsync(
            pending.JournalId,
            [.. fills.Select(f => new JournalFill(f.Date, f.Asset, f.Side, f.Quantity, f.MarkPrice, f.Notional, f.Fee, f.Slippage))],
            cancellationToken);
        return fills;
    }

    private async Task<AdvisorContext> ContextAsync(TreasuryStatus status, RebalancePlan plan, RebalanceProposal proposal, IReadOnlyList<string> triggers, CancellationToken cancellationToken)
    {
        var recent = await journal.ListAsync(RecentDecisionCount, cancellationToken);
        var valuation = plan.Valuation;
        return new AdvisorContext(
            status.AsOf,
            valuation.ToSnapshot(),
            valuation.Allocation(),
            valuation.Drift,
            options.DriftThreshold,
            status.Assessment.Market,
            proposal,
            _limits,
            triggers,
            recent.Where(e => e.Decision.Kind != DecisionKind.WeeklyReview && e.AsOf <= status.AsOf).Select(e => e.ToPastDecision()).ToList());
    }

    private async Task<AdviceResult> FinishAsync(
        TreasuryStatus status,
        RebalancePlan plan,
        AdvisorContext context,
        Decision decision,
        GuardrailOutcome guarded,
        bool execute,
        IReadOnlyList<Fill> settled,
        CancellationToken cancellationToken)
    {
        var marks = await market.MarksOnAsync(status.AsOf, status.Performance.Inception, cancellationToken);
        var queue = execute && guarded.Orders.Count > 0 && status.Pending is null;
        if (execute && status.IsDefault)
        {
            // A default treasury is saved with its opening fills first, so the ledger holds every step from the capital on.
            var (portfolio, _, opening) = await LoadAsync(status.AsOf, cancellationToken);
            await store.SaveAsync(portfolio, opening, marks, cancellationToken);
        }

        var entry = new JournalEntry
        {
            RecordedAt = timeProvider.GetUtcNow(),
            AsOf = status.AsOf,
            Decision = decision,
            Inputs = JsonSerializer.Serialize(context, InputsJson),
            Prompt = decision.Transcript?.Prompt,
            RawAnswer = decision.Transcript?.RawAnswer,
            PortfolioBefore = context.Portfolio,
            Prices = marks.Prices,
            Candidate = plan.Proposal.Orders,
            Approved = guarded.Orders,
            Interventions = guarded.Interventions,
        };
        var id = await journal.AppendAsync(entry, cancellationToken);

        // The ladder as observed today, and the approved orders queued for the next bar (never on top of a queue).
        var queued = queue ? new PendingOrders(status.AsOf, id, guarded.Orders) : null;
        var memory = await store.LoadMemoryAsync(cancellationToken);
        await store.SaveMemoryAsync(new TreasuryMemory(status.Assessment.Ladder?.State ?? memory.Ladder, queued ?? memory.Pending), cancellationToken);
        return new AdviceResult(status, context.Triggers, plan, decision, guarded, entry with { Id = id }, settled) { Queued = queued };
    }

    /// <summary>The stored treasury, or the configured default opened at its inception with the fills that opened it.</summary>
    private async Task<(TreasuryPortfolio Portfolio, bool IsDefault, IReadOnlyList<Fill> Opening)> LoadAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        var stored = await store.LoadAsync(cancellationToken);
        if (stored is not null)
        {
            if (asOf < stored.Inception)
            {
                throw new ArgumentException($"the treasury starts on {stored.Inception:yyyy-MM-dd}; {asOf:yyyy-MM-dd} is before it");
            }

            return (stored, false, []);
        }

        var inception = options.Inception() ?? asOf;
        if (asOf < inception)
        {
            throw new ArgumentException($"the configured treasury starts on {inception:yyyy-MM-dd}; {asOf:yyyy-MM-dd} is before it");
        }

        var marks = await market.MarksOnAsync(inception, inception, cancellationToken);
        var opened = PaperVenue.Open(options, TreasuryTargets.Static(options), marks, inception);
        return (opened.Portfolio, true, opened.Fills);
    }

    private async Task<TreasuryPerformance> PerformanceAsync(TreasuryPortfolio portfolio, TreasuryValuation valuation, TreasuryMarks marks, CancellationToken cancellationToken)
    {
        var atInception = await market.MarksOnAsync(portfolio.Inception, portfolio.Inception, cancellationToken);
        var staticPortfolio = PaperVenue.Open(options, TreasuryTargets.Static(options), atInception, portfolio.Inception).Portfolio;
        var staticValue = TreasuryValuation.Mark(staticPortfolio, marks, TreasuryTargets.Static(options)).TotalValue;
        var btcValue = RoundingPolicy.CentsDown(options.InitialCapital / atInception.PriceOf("BTC") * marks.PriceOf("BTC"));
        var value = valuation.TotalValue;
        return new TreasuryPerformance(
            portfolio.Inception,
            marks.AsOf,
            options.InitialCapital,
            value,
            value - options.InitialCapital,
            Ratio(value, options.InitialCapital),
            staticValue,
            Ratio(staticValue, options.InitialCapital),
            btcValue,
            Ratio(btcValue, options.InitialCapital));
    }
}
