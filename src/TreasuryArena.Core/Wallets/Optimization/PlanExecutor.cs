using System.Globalization;
using TreasuryArena.Core.Application;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Policy;

namespace TreasuryArena.Core.Wallets.Optimization;

/// <summary>
/// Executes a rebalance plan as one decision. Before any order runs, the whole plan passes the compliance gate's plan
/// review (<see cref="IComplianceGate.ReviewPlanAsync"/>): when one order needs review, the plan is held as one item and
/// nothing executes. After every execution the wallet's real weights are checked against the cap
/// (<see cref="WalletOptimizerOptions.MaxWeight"/> + <see cref="WalletOptimizerOptions.CapTolerance"/>) and any excess is
/// sold at once, so no executed state is left above the cap. A released plan is re-checked against current NAVs (slippage
/// tolerance) and caps first, and then executes whole or not at all.
/// <para>Before all of that the plan is fitted inside the organisation's IPS (<see cref="PolicyUseCases.FitPlanAsync"/>,
/// issue 21): a buy the policy leaves no room for is cut to the room, or dropped below the minimum trade, and the
/// outcome's message names the clause. A plan that would breach the policy never executes as planned.</para>
/// </summary>
public sealed class PlanExecutor(LedgerService ledger, TradeDesk desk, WalletOptimizerOptions options, PolicyUseCases? policies = null)
{
    private readonly OrderExecutor _executor = new(ledger, desk, options.Sizing, options.SlippageTolerance);

    public OrderExecutor Orders => _executor;

    /// <summary>Reviews the plan (held as a unit when monitoring asks), then executes it and enforces the cap.</summary>
    public async Task<PlanOutcome> ExecuteAsync(Guid organisation, string address, IReadOnlyList<RebalanceOrder> orders, string method,
        IReadOnlyDictionary<string, decimal> targets, string keyPrefix, string actor, TradeSource source, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var wallet = ledger.GetWallet(address) ?? throw new DomainException(Outcome.UnknownWallet, $"no wallet {address}");
        var (fitted, cuts) = await FitAsync(organisation, orders, ct);
        orders = fitted;
        if (orders.Count == 0)
        {
            return new PlanOutcome(null, [], Cut(cuts));
        }

        var intent = new PlanIntent(organisation, address, desk.WalletValue(wallet),
            orders.Select(o => new PlanIntent.Line(o.Symbol, o.Side, o.Amount)).ToList(),
            actor, source, () => HeldPlan.Of(address, method, orders, targets).ToJson());
        if (await desk.Gate.ReviewPlanAsync(intent, ct) is ComplianceVerdict.Held h)
        {
            return new PlanOutcome(h.Trade, [], string.Create(CultureInfo.InvariantCulture,
                $"A plan is one decision: the whole plan of {orders.Count} orders is held for compliance review ({h.Trade.Id}) and none executed: {string.Join("; ", h.Trade.Reasons)}."));
        }

        var executions = (await _executor.ExecuteAsync(organisation, address, orders, keyPrefix, actor, source, ct)).ToList();
        var trims = await EnforceCapAsync(organisation, address, keyPrefix + ":cap", actor, source, ct);
        executions.AddRange(trims);
        return new PlanOutcome(null, executions, string.Join(" ", new[] { Cut(cuts), trims.Count == 0 ? "" : Trimmed(trims) }.Where(m => m.Length > 0)));
    }

    /// <summary>The plan inside the organisation's IPS: buys cut to the room it leaves (dropped below the minimum trade), sells kept.</summary>
    public async Task<(IReadOnlyList<RebalanceOrder> Orders, IReadOnlyList<PolicyBreach> Cuts)> FitAsync(Guid organisation, IReadOnlyList<RebalanceOrder> orders, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(orders);
        if (policies is null || orders.All(o => o.Side == OrderSide.Sell))
        {
            return (orders, []);
        }

        var lines = orders.Select(o => new PolicyPlanLine(o.Symbol, ledger.GetToken(o.Symbol)?.Token.StrategyId ?? "", o.Side, o.Amount, o.Side == OrderSide.Sell ? o.EstimatedFee : 0m)).ToList();
        var fit = await policies.FitPlanAsync(organisation, lines, ct);
        if (fit.Whole)
        {
            return (orders, []);
        }

        var kept = new List<RebalanceOrder>(orders.Count);
        for (var i = 0; i < orders.Count; i++)
        {
            var o = orders[i];
            var amount = fit.Amounts[i];
            if (o.Side == OrderSide.Sell || amount >= o.Amount)
            {
                kept.Add(o);
            }
            else if (amount >= options.Sizing.MinTradeUsd && o.Amount > 0m)
            {
                var scale = amount / o.Amount;
                kept.Add(o with
                {
                    Amount = amount,
                    Shares = RoundingPolicy.Down(o.Shares * scale, Shares.Scale),
                    EstimatedFee = RoundingPolicy.CentsUp(o.EstimatedFee * scale),
                });
            }
        }

        return (kept, fit.Cuts);
    }

    private static string Cut(IReadOnlyList<PolicyBreach> cuts) => cuts.Count == 0 ? ""
        : "Inside the organisation's investment policy: " + string.Join("; ", cuts.Select(c => c.Message)) + ".";

    /// <summary>
    /// Executes a held plan an admin released: the orders as reviewed, if every quoted NAV is still within the slippage
    /// tolerance and the wallet would stay within the cap; otherwise nothing executes and the message says why.
    /// </summary>
    public async Task<PlanOutcome> ReleaseAsync(HeldTrade hold, Caller admin, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(hold);
        ArgumentNullException.ThrowIfNull(admin);
        var plan = HeldPlan.Parse(hold.Request);
        var wallet = ledger.GetWallet(hold.WalletAddress) ?? throw new DomainException(Outcome.UnknownWallet, $"no wallet {hold.WalletAddress}");
        var navs = wallet.Holdings.ToDictionary(h => h.Symbol, h => ledger.GetToken(h.Symbol)?.NavPerShare.Value ?? 0m, StringComparer.Ordinal);
        var stale = new List<string>();
        foreach (var o in plan.Orders)
        {
            var nav = ledger.GetToken(o.Symbol)?.NavPerShare.Value ?? 0m;
            navs[o.Symbol] = nav;
            var move = o.QuotedNav > 0m && nav > 0m ? Math.Abs((nav / o.QuotedNav) - 1m) : 1m;
            if (move > options.SlippageTolerance)
            {
                stale.Add(string.Create(CultureInfo.InvariantCulture, $"{o.Symbol} NAV moved {move:P2} since the plan ({o.QuotedNav:0.########} → {nav:0.########})"));
            }
        }

        if (stale.Count > 0)
        {
            return new PlanOutcome(null, [], $"Not executed: prices moved beyond the {options.SlippageTolerance:P0} tolerance ({string.Join("; ", stale)}); the next rebalance plans afresh.");
        }

        var positions = wallet.Holdings.Select(h => new WalletPosition(h.Symbol, h.Shares.Value, navs[h.Symbol])).ToList();
        var over = PlanCaps.Over(PlanCaps.WeightsAfter(wallet.Cash.Amount, positions, plan.Orders, navs, options.Sizing.TradeFeeRate), options.MaxWeight, options.CapTolerance);
        if (over.Count > 0)
        {
            return new PlanOutcome(null, [], string.Create(CultureInfo.InvariantCulture,
                $"Not executed: on the wallet's current holdings the plan would leave {string.Join(", ", over.Select(kv => $"{kv.Key} at {kv.Value:P2}"))}, above the {options.MaxWeight:P0} cap; the next rebalance plans afresh."));
        }

        var org = hold.OrganisationId;
        var (released, cuts) = await FitAsync(org, plan.Orders, ct);
        if (released.Count == 0)
        {
            return new PlanOutcome(null, [], "Not executed: " + Cut(cuts));
        }

        var key = Ledger.IdempotencyMemory.HoldReleaseKeyPrefix + hold.Id.ToString("N");
        var executions = (await _executor.ExecuteAsync(org, hold.WalletAddress, released, key, admin.Actor, TradeSource.HoldRelease, ct)).ToList();
        var trims = await EnforceCapAsync(org, hold.WalletAddress, key + ":cap", admin.Actor, TradeSource.HoldRelease, ct);
        executions.AddRange(trims);
        var done = executions.Count(e => e.Executed);
        return new PlanOutcome(null, executions, string.Create(CultureInfo.InvariantCulture, $"Released by {admin.Actor}: {done} of {executions.Count} orders executed.") +
            (trims.Count == 0 ? "" : " " + Trimmed(trims)) + (cuts.Count == 0 ? "" : " " + Cut(cuts)));
    }

    /// <summary>
    /// The check after execution: every position above the cap (plus tolerance) on the wallet's real holdings is sold
    /// down to the cap (the sale's fee counted), sells rounded up to the share precision so the result is within the cap.
    /// </summary>
    public async Task<List<OrderExecution>> EnforceCapAsync(Guid organisation, string address, string keyPrefix, string actor, TradeSource source, CancellationToken ct)
    {
        var wallet = ledger.GetWallet(address);
        if (wallet is null)
        {
            return [];
        }

        var navs = wallet.Holdings.ToDictionary(h => h.Symbol, h => ledger.GetToken(h.Symbol)?.NavPerShare.Value ?? 0m, StringComparer.Ordinal);
        var positions = wallet.Holdings.Where(h => !h.Shares.IsZero).Select(h => new WalletPosition(h.Symbol, h.Shares.Value, navs[h.Symbol])).ToList();
        var total = wallet.Cash.Amount + positions.Sum(p => p.Value);
        var over = PlanCaps.Over(PlanCaps.WeightsAfter(wallet.Cash.Amount, positions, [], navs, 0m), options.MaxWeight, options.CapTolerance);
        if (over.Count == 0 || total <= 0m)
        {
            return [];
        }

        // Each trim's fee lowers the wallet's value, which raises every other position's weight: a position just inside
        // the tolerance before the trims can end above it after them. So the trims are sized against the value left after
        // the other trims' fees, and repeated until no further position crosses the cap (a few rounds at most).
        var rate = options.Sizing.TradeFeeRate;
        var trims = new Dictionary<string, RebalanceOrder>(StringComparer.Ordinal);
        for (var round = 0; round <= positions.Count; round++)
        {
            var fees = trims.Values.Sum(t => t.EstimatedFee);
            var next = new Dictionary<string, RebalanceOrder>(StringComparer.Ordinal);
            foreach (var p in positions)
            {
                var others = fees - (trims.TryGetValue(p.Symbol, out var own) ? own.EstimatedFee : 0m);
                if (!trims.ContainsKey(p.Symbol) && p.Value <= (options.MaxWeight + options.CapTolerance) * (total - fees))
                {
                    continue;
                }

                var excess = (p.Value - (options.MaxWeight * (total - others))) / (1m - (options.MaxWeight * rate));
                var shares = Math.Min(p.Shares, RoundingPolicy.Up(excess / p.Nav, options.Sizing.ShareDecimals));
                if (shares > 0m)
                {
                    var gross = shares * p.Nav;
                    next[p.Symbol] = new RebalanceOrder(p.Symbol, OrderSide.Sell, shares, gross, RoundingPolicy.Up(gross * rate, options.Sizing.CashDecimals), p.Nav);
                }
            }

            var stable = next.Count == trims.Count && next.All(kv => trims.TryGetValue(kv.Key, out var t) && t.Shares == kv.Value.Shares);
            trims = next;
            if (stable)
            {
                break;
            }
        }

        return [.. await _executor.ExecuteAsync(organisation, address, [.. trims.Values], keyPrefix, actor, source, ct)];
    }

    private static string Trimmed(IReadOnlyList<OrderExecution> trims) =>
        string.Create(CultureInfo.InvariantCulture, $"Cap check after execution: sold {string.Join(", ", trims.Select(t => $"{t.Symbol} {t.Status} (${t.Cash:N2})"))} back to the cap.");
}
