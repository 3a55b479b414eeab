using System.Globalization;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Ledger;

namespace TreasuryArena.Core.Wallets.Optimization;

/// <summary>
/// Executes a wallet's orders through the <see cref="TradeDesk"/> (the one trade path: compliance gate, then ledger), sells first. Before each order the current
/// NAV is compared with the quoted one: a move above <see cref="SlippageTolerance"/> refuses the order (slippage
/// protection). Buys never spend more than the cash the wallet has at that moment (rounded down to cents). Every
/// ledger command carries an idempotency key built from the run and the order, so a retried run trades nothing twice.
/// </summary>
public sealed class OrderExecutor(LedgerService ledger, TradeDesk desk, OrderSizingOptions sizing, decimal slippageTolerance = 0.02m)
{
    public decimal SlippageTolerance => slippageTolerance;

    public async Task<IReadOnlyList<OrderExecution>> ExecuteAsync(
        Guid organisation, string address, IReadOnlyList<RebalanceOrder> orders, string keyPrefix, string actor, TradeSource source, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var results = new List<OrderExecution>(orders.Count);
        var ordered = orders.Where(o => o.Side == OrderSide.Sell).Concat(orders.Where(o => o.Side == OrderSide.Buy)).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var order = ordered[i];
            var key = string.Create(CultureInfo.InvariantCulture, $"{keyPrefix}:{i}:{order.Symbol}:{order.Side}");
            results.Add(await ExecuteOneAsync(organisation, address, order, key, actor, source, ct));
        }

        return results;
    }

    private async Task<OrderExecution> ExecuteOneAsync(Guid organisation, string address, RebalanceOrder order, string key, string actor, TradeSource source, CancellationToken ct)
    {
        var token = ledger.GetToken(order.Symbol);
        var wallet = ledger.GetWallet(address);
        if (token is null || wallet is null)
        {
            return Skip(order, "refused", token is null ? $"unknown token {order.Symbol}" : $"unknown wallet {address}");
        }

        var nav = token.NavPerShare.Value;
        var move = order.QuotedNav > 0m ? Math.Abs((nav / order.QuotedNav) - 1m) : 1m;
        if (move > slippageTolerance)
        {
            return Skip(order, "refused", string.Create(CultureInfo.InvariantCulture,
                $"slippage protection: NAV moved {move:P2} since the quote ({order.QuotedNav:0.########} → {nav:0.########}), more than {slippageTolerance:P1}"));
        }

        Shares shares = Shares.Zero;
        Money cash = Money.Usd(0m);
        if (order.Side == OrderSide.Sell)
        {
            var held = ledger.GetHolding(address, order.Symbol)?.Shares.Value ?? 0m;
            var qty = Math.Min(order.Shares, held);
            if (qty <= 0m)
            {
                return Skip(order, "skipped", "no shares left to sell");
            }

            shares = Shares.Of(qty);
        }
        else
        {
            var amount = Math.Min(order.Amount, wallet.Cash.Amount);
            amount = RoundingPolicy.Down(amount, sizing.CashDecimals);
            if (amount < sizing.MinTradeUsd)
            {
                return Skip(order, "skipped", string.Create(CultureInfo.InvariantCulture, $"only {amount:0.00} USD of cash left, below the minimum trade of {sizing.MinTradeUsd:0.00}"));
            }

            cash = Money.Usd(amount);
        }

        var caller = new Caller(Guid.Empty, Guid.Empty, actor, organisation, Role.Treasurer);
        var quantity = order.Side == OrderSide.Buy ? cash.Amount : shares.Value;
        var outcome = await desk.ExecuteAsync(new TradeOrder(caller, address, order.Symbol, order.Side, quantity, key, source), ct);
        return outcome switch
        {
            TradeOutcome.Executed e => new OrderExecution(order.Symbol, order.Side, "executed", e.Result.Cash.Amount, e.Result.Shares.Value, e.Result.Fee.Amount, e.Result.NavPerShare.Value, null),
            TradeOutcome.Held h => Skip(order, "held", $"held for compliance review ({h.Trade.Id}): {string.Join("; ", h.Trade.Reasons)}"),
            TradeOutcome.Refused r => Skip(order, "refused", $"{r.Code}: {r.Message}"),
            _ => Skip(order, "refused", "unknown outcome"),
        };
    }

    private static OrderExecution Skip(RebalanceOrder order, string status, string message) =>
        new(order.Symbol, order.Side, status, 0m, 0m, 0m, order.QuotedNav, message);
}
