using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Notifications;
using TreasuryArena.Core.Wallets.Plans;
using TreasuryArena.Core.Wallets.Proposals;
using TradeOrder = TreasuryArena.Core.Advice.TradeOrder;

namespace TreasuryArena.Core.Wallets.Optimization;

/// <summary>
/// The wallet use cases over one <see cref="WalletOptimizer"/> run (token metrics computed once, shared by all wallets).
/// <para>Decision pipeline per wallet: optimizer recommendation (targets, orders, cost vs benefit, trigger) → mode gate:
/// MANUAL never acts (the suggestion is stored); HYBRID stores a pending proposal for a treasurer; FULL_AI asks the
/// advisor to review the orders, applies the guardrails after it (an advisor can only narrow), then executes what
/// remains through the compliance gate and the ledger, sells first. The plan's limits apply to every mode. Every run
/// stores an allocation snapshot with the full decision.</para>
/// </summary>
public sealed class WalletRebalancer(
    LedgerService ledger,
    WalletOptimizer optimizer,
    IWalletAllocationStore store,
    IIdentityStore identity,
    TradeDesk desk,
    IAdvisor advisor,
    PlanPolicy plans,
    ProposalPolicy proposals,
    TimeProvider time,
    Application.PolicyUseCases? policies = null,
    INotifier? notifier = null)
{
    public const string Actor = "wallet-optimizer";

    /// <summary>Longest a finished wallet's snapshot waits for its chunk to fill before the chunk is stored.</summary>
    public static readonly TimeSpan SnapshotFlushInterval = TimeSpan.FromMilliseconds(250);

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly PlanExecutor _plans = new(ledger, desk, optimizer.Options, policies);

    /// <summary>Executes plans as one decision (held as a unit, cap enforced after execution); also releases held plans.</summary>
    public PlanExecutor Plans => _plans;

    public WalletOptimizer Optimizer => optimizer;

    /// <summary>
    /// The recommendation for one wallet (nothing executes). With <paramref name="record"/> it is stored as a
    /// <c>suggested</c> snapshot with its run, as <c>arena wallet suggest</c> does; the API's GET records nothing, so a
    /// page that polls it writes nothing.
    /// </summary>
    public async Task<WalletRunResult> SuggestAsync(string address, bool record, CancellationToken ct)
    {
        var ctx = await ContextAsync([address], record, ct);
        var wallet = ledger.GetWallet(address) ?? throw new DomainException(Outcome.UnknownWallet, $"no wallet {address}");
        var (rec, plan) = await RecommendAsync(wallet, ctx, ct);
        var result = new WalletRunResult(address, PlanPolicy.ModeName(wallet.Wallet.Mode), "suggested", rec.TargetWeights, rec.Orders, [], rec.Reasoning, rec, null);
        if (record)
        {
            await store.SaveSnapshotsAsync([Snapshot(ctx.RunId, wallet, rec, plan, result, null, null)], ct);
        }

        return result;
    }

    /// <summary>
    /// Rebalances the given wallets (all when <paramref name="addresses"/> is null), wallets in parallel.
    /// <paramref name="dryRun"/>: decide and report, change nothing and store nothing.
    /// </summary>
    public async Task<IReadOnlyList<WalletRunResult>> RebalanceAsync(IReadOnlyList<string>? addresses, bool dryRun, Action<int>? progress, CancellationToken ct)
    {
        var wallets = addresses is null
            ? ledger.ListWallets().Select(w => w.Address).ToList()
            : addresses.ToList();
        foreach (var a in wallets)
        {
            if (ledger.GetWallet(a) is null)
            {
                throw new DomainException(Outcome.UnknownWallet, $"no wallet {a}");
            }
        }

        var ctx = await ContextAsync(wallets, !dryRun, ct);
        var runId = ctx.RunId;
        var results = new WalletRunResult[wallets.Count];
        var done = 0;
        var options = optimizer.Options;

        // Snapshots are stored while the run proceeds, one transaction per chunk of wallets (a snapshot is one row, so
        // each wallet's record is atomic). The writer drains the queue even when the run fails or is cancelled, so every
        // wallet that traded has its snapshot; a storage failure stops the run and is rethrown.
        var pending = Channel.CreateBounded<AllocationSnapshot>(new BoundedChannelOptions(Math.Max(1, options.SnapshotBatchSize) * 4) { SingleReader = true });
        var writer = dryRun ? Task.CompletedTask : Task.Run(() => WriteSnapshotsAsync(pending.Reader, Math.Max(1, options.SnapshotBatchSize), pending.Writer), CancellationToken.None);
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, wallets.Count), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelWallets), CancellationToken = ct }, async (i, token) =>
            {
                var (result, snapshot) = await RebalanceOneAsync(wallets[i], ctx, runId, dryRun, token);
                results[i] = result;
                if (snapshot is not null)
                {
                    await pending.Writer.WriteAsync(snapshot, CancellationToken.None);
                }

                progress?.Invoke(Interlocked.Increment(ref done));
            });
        }
        catch (ChannelClosedException)
        {
            // The snapshot writer failed: awaiting it below rethrows its exception.
        }
        catch (Exception) when (!dryRun)
        {
            pending.Writer.TryComplete();
            await writer.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }

        pending.Writer.TryComplete();
        await writer;
        return results;
    }

    /// <summary>
    /// Stores queued snapshots in chunks of at most <paramref name="chunk"/>, one transaction each. A chunk is written
    /// when full, when the run ends, or <see cref="SnapshotFlushInterval"/> after its first snapshot arrived.
    /// </summary>
    private async Task WriteSnapshotsAsync(ChannelReader<AllocationSnapshot> reader, int chunk, ChannelWriter<AllocationSnapshot> writer)
    {
        var batch = new List<AllocationSnapshot>(chunk);
        try
        {
            while (await reader.WaitToReadAsync(CancellationToken.None))
            {
                var deadline = Environment.TickCount64 + (long)SnapshotFlushInterval.TotalMilliseconds;
                while (batch.Count < chunk)
                {
                    if (reader.TryRead(out var s))
                    {
                        batch.Add(s);
                        continue;
                    }

                    var left = deadline - Environment.TickCount64;
                    if (left <= 0 || !await MoreWithinAsync(reader, TimeSpan.FromMilliseconds(left)))
                    {
                        break;
                    }
                }

                if (batch.Count > 0)
                {
                    await store.SaveSnapshotsAsync([.. batch], CancellationToken.None);
                    batch.Clear();
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            writer.TryComplete(ex);
            throw;
        }

        static async Task<bool> MoreWithinAsync(ChannelReader<AllocationSnapshot> reader, TimeSpan wait)
        {
            using var timeout = new CancellationTokenSource(wait);
            try
            {
                return await reader.WaitToReadAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }
    }

    /// <summary>Executes or rejects a pending HYBRID proposal on a treasurer's decision; an expired or stale one cannot be approved.</summary>
    public async Task<WalletRunResult> DecideProposalAsync(Guid id, bool approve, string treasurer, string? note, CancellationToken ct)
    {
        var proposal = await store.FindProposalAsync(id, ct) ?? throw new DomainException(Outcome.UnknownProposal, $"no proposal {id}");
        var wallet = ledger.GetWallet(proposal.WalletAddress) ?? throw new DomainException(Outcome.UnknownWallet, $"no wallet {proposal.WalletAddress}");
        var now = time.GetUtcNow();
        var mode = PlanPolicy.ModeName(wallet.Wallet.Mode);
        if (proposal.Status != ProposalStatus.Pending)
        {
            throw new DomainException(Outcome.ProposalClosed, $"proposal {id} is already {proposal.Status.ToString().ToLowerInvariant()}");
        }

        if (!approve)
        {
            if (await store.TryDecideAsync(id, ProposalStatus.Rejected, treasurer, now, note, ct))
            {
                await NotifyAsync(NotificationKinds.ProposalRejected, wallet.Wallet, $"proposal {id} ({proposal.Orders.Count} orders) rejected by {treasurer}" + (note is null ? "; nothing executed" : $": {note}; nothing executed"), now, ct);
            }

            return new WalletRunResult(wallet.Wallet.Address, mode, "none", proposal.TargetWeights, proposal.Orders, [], $"Rejected by {treasurer}" + (note is null ? "." : $": {note}"), null, id);
        }

        var navs = proposal.Orders.Select(o => o.Symbol).Distinct(StringComparer.Ordinal)
            .ToDictionary(s => s, s => ledger.GetToken(s)?.NavPerShare.Value ?? 0m, StringComparer.Ordinal);
        if (ProposalValidity.Check(proposal, now, navs, proposals) is { } invalid)
        {
            if (await store.TryDecideAsync(id, ProposalStatus.Expired, treasurer, now, invalid, ct))
            {
                await NotifyAsync(NotificationKinds.ProposalExpired, wallet.Wallet, $"proposal {id} expired when {treasurer} tried to approve it: {invalid}; nothing executed", now, ct);
            }

            throw new DomainException(Outcome.ProposalExpired, $"proposal {id} can no longer be approved: {invalid}");
        }

        if (!await store.TryDecideAsync(id, ProposalStatus.Executed, treasurer, now, note, ct))
        {
            throw new DomainException(Outcome.ProposalClosed, $"proposal {id} was decided by someone else first");
        }

        var org = await OrganisationAsync(wallet.Wallet.Organisation, ct);
        plans.CheckMode(org.Plan, wallet.Wallet.Mode);
        var outcome = await _plans.ExecuteAsync(org.Id, wallet.Wallet.Address, proposal.Orders, "proposal", proposal.TargetWeights, $"proposal:{id}", treasurer, TradeSource.Api, ct);
        var executions = outcome.Executions;
        var executed = executions.Count(e => e.Executed);
        var reason = outcome.Held is not null
            ? $"Approved by {treasurer}. " + outcome.Message
            : string.Create(CultureInfo.InvariantCulture, $"Approved by {treasurer}; {executed} of {proposal.Orders.Count} orders executed.") + Failures(executions) + (outcome.Message.Length > 0 ? " " + outcome.Message : "");
        var result = new WalletRunResult(wallet.Wallet.Address, mode, outcome.Held is not null ? "held" : executed > 0 ? "executed" : "none", proposal.TargetWeights, proposal.Orders, executions, reason, null, id);
        var snapshot = new AllocationSnapshot(Guid.CreateVersion7(now), id, wallet.Wallet.Address, proposal.AsOf, mode, result.Action,
            wallet.Cash.Amount, new Dictionary<string, decimal>(), proposal.TargetWeights, proposal.Orders,
            JsonSerializer.Serialize(new { proposal_id = id, approved_by = treasurer, note, executions }, Json), reason, now);
        await store.SaveSnapshotsAsync([snapshot], ct);
        await NotifyAsync(NotificationKinds.ProposalApproved, wallet.Wallet, $"proposal {id}: {reason}", now, ct);
        return result;
    }

    /// <summary>Marks every pending proposal that has expired (by time or NAV move) as expired; returns how many.</summary>
    public async Task<int> ExpireProposalsAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var count = 0;
        foreach (var p in await store.ProposalsAsync(null, ProposalStatus.Pending, ct))
        {
            var navs = p.Orders.Select(o => o.Symbol).Distinct(StringComparer.Ordinal)
                .ToDictionary(s => s, s => ledger.GetToken(s)?.NavPerShare.Value ?? 0m, StringComparer.Ordinal);
            if (ProposalValidity.Check(p, now, navs, proposals) is { } reason && await store.TryDecideAsync(p.Id, ProposalStatus.Expired, Actor, now, reason, ct))
            {
                count++;
                if (ledger.GetWallet(p.WalletAddress) is { } w)
                {
                    await NotifyAsync(NotificationKinds.ProposalExpired, w.Wallet, $"proposal {p.Id} ({p.Orders.Count} orders) expired undecided: {reason}; nothing executed", now, ct);
                }
            }
        }

        return count;
    }

    private async Task<(WalletRunResult Result, AllocationSnapshot? Snapshot)> RebalanceOneAsync(string address, RunContext ctx, Guid runId, bool dryRun, CancellationToken ct)
    {
        var wallet = ledger.GetWallet(address)!;
        var mode = PlanPolicy.ModeName(wallet.Wallet.Mode);
        var (rec, plan) = await RecommendAsync(wallet, ctx, ct);
        var now = time.GetUtcNow();
        if (!plans.AllowsMode(plan, wallet.Wallet.Mode))
        {
            var reason = $"The {PlanPolicy.Name(plan)} plan does not allow {mode} wallets, so nothing executes. " + rec.Reasoning;
            return Finish(new WalletRunResult(address, mode, "none", rec.TargetWeights, rec.Orders, [], reason, rec, null), null, null);
        }

        if (!rec.ShouldTrade || wallet.Wallet.Mode == WalletMode.Manual)
        {
            var reason = wallet.Wallet.Mode == WalletMode.Manual && rec.ShouldTrade
                ? "MANUAL wallet: the optimizer never trades on its own; this suggestion waits for the treasurer. " + rec.Reasoning
                : rec.Reasoning;
            return Finish(new WalletRunResult(address, mode, "none", rec.TargetWeights, rec.Orders, [], reason, rec, null), null, null);
        }

        if (wallet.Wallet.Mode == WalletMode.Hybrid)
        {
            var proposal = new WalletProposal(Guid.CreateVersion7(now), address, rec.AsOf, now, now + proposals.Lifetime, rec.TargetWeights, rec.Orders, rec.Reasoning, ProposalStatus.Pending);
            if (!dryRun)
            {
                await store.AddProposalAsync(proposal, ct);
                await NotifyAsync(NotificationKinds.ProposalPending, wallet.Wallet, string.Create(CultureInfo.InvariantCulture,
                    $"proposal {proposal.Id} for wallet {address} ({proposal.Orders.Count} orders, ${proposal.Orders.Sum(o => o.Amount):N2}) waits for a treasurer's approval until {proposal.ExpiresAt:yyyy-MM-dd HH:mm}Z"), now, ct);
            }

            var reason = string.Create(CultureInfo.InvariantCulture, $"HYBRID wallet: proposal {proposal.Id} waits for a treasurer's approval until {proposal.ExpiresAt:yyyy-MM-dd HH:mm}Z (void if a NAV moves more than {proposals.MaxNavMove:P0}). ") + rec.Reasoning;
            return Finish(new WalletRunResult(address, mode, "proposed", rec.TargetWeights, rec.Orders, [], reason, rec, proposal.Id), null, null);
        }

        // FULL_AI: advisor review, then guardrails, then execution of what remains.
        var (decision, guarded, orders) = await ReviewAsync(wallet, rec, ct);
        if (orders.Count == 0)
        {
            var reason = $"The {decision.Advisor} advisor decided {decision.Action.ToString().ToLowerInvariant()}: {decision.Reasoning}" +
                         (guarded.Interventions.Count > 0 ? " Guardrails: " + string.Join("; ", guarded.Interventions.Select(i => i.Reason)) + "." : "") + " Optimizer: " + rec.Reasoning;
            return Finish(new WalletRunResult(address, mode, "none", rec.TargetWeights, rec.Orders, [], reason, rec, null), decision, guarded);
        }

        if (dryRun)
        {
            return Finish(new WalletRunResult(address, mode, "executed", rec.TargetWeights, orders, [], $"Dry run: the {decision.Advisor} advisor approved {orders.Count} orders; nothing was executed. " + rec.Reasoning, rec, null), decision, guarded);
        }

        var outcome = await _plans.ExecuteAsync(ctx.Organisations[wallet.Wallet.Organisation].Id, address, orders, rec.Method, rec.TargetWeights,
            $"rebalance:{runId}:{address}", Actor, TradeSource.Job, ct);
        if (outcome.Held is not null)
        {
            var held = $"FULL_AI: the {decision.Advisor} advisor approved ({decision.Reasoning}). " + outcome.Message + " " + rec.Reasoning;
            return Finish(new WalletRunResult(address, mode, "held", rec.TargetWeights, orders, [], held, rec, null), decision, guarded);
        }

        var executions = outcome.Executions;
        var executed = executions.Count(e => e.Executed);
        var text = string.Create(CultureInfo.InvariantCulture, $"FULL_AI: the {decision.Advisor} advisor approved ({decision.Reasoning}); {executed} of {executions.Count} orders executed.") + Failures(executions) +
                   (outcome.Message.Length > 0 ? " " + outcome.Message : "") + " " + rec.Reasoning;
        return Finish(new WalletRunResult(address, mode, executed > 0 ? "executed" : "none", rec.TargetWeights, orders, executions, text, rec, null), decision, guarded);

        (WalletRunResult, AllocationSnapshot?) Finish(WalletRunResult result, Decision? d, GuardrailOutcome? g) =>
            (result, dryRun ? null : Snapshot(runId, wallet, rec, plan, result, d, g));
    }

    private async Task<(Decision Decision, GuardrailOutcome Guarded, IReadOnlyList<RebalanceOrder> Orders)> ReviewAsync(WalletView wallet, WalletRecommendation rec, CancellationToken ct)
    {
        var positions = WalletValuation.Lines(wallet, s => ledger.GetToken(s)?.NavPerShare)
            .Select(l => new PositionValue(l.Holding.Symbol, "token", AssetClass.Volatile, l.Exact)).ToList();
        var portfolio = new PortfolioSnapshot(wallet.Cash.Amount, positions, 0m);
        var tradeOrders = rec.Orders.Select(o => new TradeOrder(o.Symbol, "token", AssetClass.Volatile,
            o.Side,
            o.Side == OrderSide.Buy ? o.Amount - o.EstimatedFee : o.Amount, o.EstimatedFee, 0m)).ToList();
        var proposal = new Advice.RebalanceProposal(rec.AsOf, rec.Due ? "wallet optimizer" : "manual", tradeOrders);
        var limits = new GuardrailLimits(optimizer.Options.MaxWeight, Math.Min(optimizer.Options.MinHoldings, rec.TargetWeights.Count), 1m, 1m, 1m,
            new HashSet<string>(StringComparer.OrdinalIgnoreCase));
        var allocation = rec.CurrentWeights.Keys.Union(rec.TargetWeights.Keys, StringComparer.Ordinal)
            .Select(s => new AllocationLine(s, AssetClass.Volatile, rec.CurrentWeights.GetValueOrDefault(s) * WalletValue(wallet), rec.CurrentWeights.GetValueOrDefault(s), rec.TargetWeights.GetValueOrDefault(s)))
            .ToList();
        var market = new MarketView("token-allocation", [], rec.TargetWeights.Values.Sum(), 100, rec.Notes);
        var context = new AdvisorContext(rec.AsOf, portfolio, allocation, rec.Drift, optimizer.Options.DriftThreshold, market, proposal, limits, [rec.Notes.FirstOrDefault(n => n.Contains("due", StringComparison.Ordinal)) ?? "rebalance"], []);
        var decision = await advisor.ReviewRebalanceAsync(context, ct);
        var guarded = Guardrails.Apply(portfolio, proposal, decision, limits);

        var orders = FromGuarded(rec.Orders, guarded.Orders);
        return (decision, guarded, orders);
    }

    /// <summary>
    /// Maps the guarded notionals back onto the optimizer's orders (an advisor or guardrail can only shrink them). The
    /// guardrails round notionals down to cents; that rounding alone is no cut, so a full exit keeps every share instead
    /// of leaving the sub-cent remainder as dust (issue 16).
    /// </summary>
    internal static List<RebalanceOrder> FromGuarded(IReadOnlyList<RebalanceOrder> proposed, IReadOnlyList<TradeOrder> guarded)
    {
        var orders = new List<RebalanceOrder>();
        foreach (var g in guarded)
        {
            var side = g.Side;
            var original = proposed.First(o => o.Symbol == g.Asset && o.Side == side);
            var originalNotional = side == OrderSide.Buy ? original.Amount - original.EstimatedFee : original.Amount;
            var scale = originalNotional <= 0m ? 0m
                : g.Notional >= RoundingPolicy.CentsDown(originalNotional) ? 1m
                : Math.Min(1m, g.Notional / originalNotional);
            orders.Add(scale >= 1m ? original : original with
            {
                Amount = RoundingPolicy.CentsDown(original.Amount * scale),
                Shares = RoundingPolicy.Down(original.Shares * scale, Shares.Scale),
                EstimatedFee = RoundingPolicy.CentsUp(original.EstimatedFee * scale),
            });
        }

        return orders;
    }

    private async Task<(WalletRecommendation Rec, Plan Plan)> RecommendAsync(WalletView wallet, RunContext ctx, CancellationToken ct)
    {
        var org = ctx.Organisations.TryGetValue(wallet.Wallet.Organisation, out var o) ? o : await OrganisationAsync(wallet.Wallet.Organisation, ct);
        var rule = plans.For(org.Plan);
        var positions = wallet.Holdings.Select(h => new WalletPosition(h.Symbol, h.Shares.Value, ledger.GetToken(h.Symbol)?.NavPerShare.Value ?? 0m)).ToList();
        var filter = wallet.Wallet.Risk switch
        {
            RiskTolerance.Conservative => optimizer.Options.Conservative,
            RiskTolerance.Moderate => optimizer.Options.Moderate,
            _ => optimizer.Options.Aggressive,
        };
        var snapshot = new WalletSnapshot(wallet.Wallet.Address, wallet.Cash.Amount, positions, filter, rule.MaxTokens,
            ctx.LastExecuted.TryGetValue(wallet.Wallet.Address, out var last) ? last : null)
        {
            Policy = await PolicyAsync(org, ctx, ct),
        };
        return (optimizer.Recommend(snapshot), org.Plan);
    }

    /// <summary>The organisation's IPS limits, read once per organisation and run (the holdings as the run found them).</summary>
    private async Task<Policy.PolicyLimits> PolicyAsync(Organisation org, RunContext ctx, CancellationToken ct) =>
        policies is null ? Policy.PolicyLimits.None : await ctx.Policies.GetOrAdd(org.Id, id => policies.LimitsAsync(id, ct));

    /// <summary>
    /// What a run shares by all its wallets: organisations, last executed rebalances and the run's inputs (token metrics),
    /// stored once for the run unless <paramref name="storeRun"/> is false (dry run).
    /// </summary>
    private async Task<RunContext> ContextAsync(IEnumerable<string> addresses, bool storeRun, CancellationToken ct)
    {
        var orgs = new Dictionary<string, Organisation>(StringComparer.Ordinal);
        foreach (var id in addresses.Select(a => ledger.GetWallet(a)?.Wallet.Organisation).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            orgs[id] = await OrganisationAsync(id, ct);
        }

        var now = time.GetUtcNow();
        var runId = Guid.CreateVersion7(now);
        if (storeRun)
        {
            var tokens = JsonSerializer.Serialize(optimizer.Universe.Tokens.Values.Select(t => new { t.Symbol, t.Nav, t.Buyable, t.MeanReturnAnnualised, t.Volatility, t.Sharpe, t.MaxDrawdown, optimizer.Universe.RiskFree, optimizer.Universe.RiskFreeRate }), Json);
            await store.SaveRunAsync(new OptimizerRun(runId, optimizer.Universe.AsOf, optimizer.Options.LookbackDays, tokens, now), ct);
        }

        return new RunContext(runId, orgs, await store.LastExecutedAsync(ct));
    }

    private async Task<Organisation> OrganisationAsync(string organisation, CancellationToken ct)
    {
        var org = Guid.TryParse(organisation, out var id)
            ? await identity.FindOrganisationAsync(id, ct)
            : await identity.FindOrganisationByNameAsync(organisation, ct);
        return org ?? throw new DomainException(Outcome.UnknownOrganisation, $"the wallet's organisation {organisation} does not exist");
    }

    /// <summary>
    /// The wallet's allocation snapshot. Its decision document holds the wallet's inputs; the token metrics the run used
    /// are stored once with the run (<see cref="OptimizerRun"/>, found by <c>run_id</c>), not repeated per wallet.
    /// </summary>
    private AllocationSnapshot Snapshot(Guid runId, WalletView wallet, WalletRecommendation rec, Plan plan, WalletRunResult result, Decision? decision, GuardrailOutcome? guarded)
    {
        var doc = new
        {
            inputs = new
            {
                as_of = rec.AsOf,
                lookback_days = optimizer.Options.LookbackDays,
                risk = wallet.Wallet.Risk.ToString().ToUpperInvariant(),
                plan = PlanPolicy.Name(plan),
                cash = wallet.Cash.Amount,
                holdings = wallet.Holdings.ToDictionary(h => h.Symbol, h => h.Shares.Value),
                run_id = runId,
            },
            output = new
            {
                target_weights = rec.TargetWeights,
                orders = rec.Orders,
                before = rec.Before,
                after = rec.After,
                rec.Drift,
                rec.EstimatedCost,
                rec.ExpectedBenefit,
                rec.Due,
                rec.Worthwhile,
                rec.Method,
                rec.RequiredBenefit,
            },
            advisor = decision is null ? null : new { decision.Advisor, action = decision.Action.ToString(), decision.Reasoning, decision.Confidence, decision.FallbackReason },
            guardrails = guarded?.Interventions,
            executions = result.Executions,
            proposal_id = result.ProposalId,
        };
        return new AllocationSnapshot(Guid.CreateVersion7(time.GetUtcNow()), runId, wallet.Wallet.Address, rec.AsOf, result.Mode, result.Action,
            WalletValue(wallet), rec.CurrentWeights, rec.TargetWeights, result.Orders, JsonSerializer.Serialize(doc, Json), result.Reason, time.GetUtcNow());
    }

    private decimal WalletValue(WalletView wallet) => WalletValuation.Of(wallet, s => ledger.GetToken(s)?.NavPerShare);

    private static string Failures(IReadOnlyList<OrderExecution> executions)
    {
        var failed = executions.Where(e => !e.Executed).ToList();
        return failed.Count == 0 ? "" : " Not executed: " + string.Join("; ", failed.Select(f => $"{f.Side.ToString().ToLowerInvariant()} {f.Symbol} ({f.Status}: {f.Message})")) + ".";
    }

    private sealed record RunContext(Guid RunId, IReadOnlyDictionary<string, Organisation> Organisations, IReadOnlyDictionary<string, DateOnly> LastExecuted)
    {
        /// <summary>Each organisation's IPS limits for this run.</summary>
        public ConcurrentDictionary<Guid, Task<Policy.PolicyLimits>> Policies { get; } = new();
    }

    private async Task NotifyAsync(string kind, Wallet wallet, string message, DateTimeOffset now, CancellationToken ct)
    {
        if (notifier is not null)
        {
            await notifier.NotifyAsync(new Notification(kind, wallet.Address, message, now, Guid.TryParse(wallet.Organisation, out var org) ? org : null), ct);
        }
    }
}
