using System.Globalization;
using System.Text.Json;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Ledger;

namespace TreasuryArena.Core.Wallets.Optimization;

/// <summary>
/// Executes a wallet's orders through the compliance gate and the ledger, sells first. Before each order the current
/// NAV is compared with the quoted one: a move above <see cref="SlippageTolerance"/> refuses the order (slippage
/// protection). Buys never spend more than the cash the wallet has at that moment (rounded down to cents). Every
/// ledger command carries an idempotency key built from the run and the order, so a retried run trades nothing twice.
/// </summary>
public sealed class OrderExecutor(LedgerService ledger, IComplianceGate compliance, OrderSizingOptions sizing, decimal slippageTolerance = 0.02m)
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

        decimal usd;
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
            usd = Math.Round(qty * nav, 2, MidpointRounding.ToZero);
        }
        else
        {
            var amount = Math.Min(order.Amount, wallet.Cash.Amount);
            amount = Math.Round(amount, sizing.CashDecimals, MidpointRounding.ToZero);
            if (amount < sizing.MinTradeUsd)
            {
                return Skip(order, "skipped", string.Create(CultureInfo.InvariantCulture, $"only {amount:0.00} USD of cash left, below the minimum trade of {sizing.MinTradeUsd:0.00}"));
            }

            cash = Money.Usd(amount);
            usd = amount;
        }

        var walletValue = wallet.Cash.Amount + wallet.Holdings.Sum(h => h.MarketValue(ledger.GetToken(h.Symbol)?.NavPerShare ?? UnitPrice.Of(0m)).Amount);
        var intent = new TradeIntent(organisation, address, order.Symbol, order.Side == OrderSide.Buy ? TradeSide.Buy : TradeSide.Sell, usd, walletValue, actor, source,
            JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["address"] = address,
                ["symbol"] = order.Symbol,
                ["side"] = order.Side.ToString().ToLowerInvariant(),
                [order.Side == OrderSide.Buy ? "amount" : "shares"] = order.Side == OrderSide.Buy ? usd.ToString(CultureInfo.InvariantCulture) : shares.Value.ToString(CultureInfo.InvariantCulture),
                ["idempotency_key"] = key,
            }));
        var verdict = await compliance.CheckTradeAsync(intent, ct);
        switch (verdict)
        {
            case ComplianceVerdict.Refused r:
                return Skip(order, "refused", $"compliance: {r.Reason}");
            case ComplianceVerdict.Held h:
                return Skip(order, "held", $"held for compliance review ({h.Trade.Id}): {string.Join("; ", h.Trade.Reasons)}");
        }

        var result = order.Side == OrderSide.Buy
            ? await ledger.BuyAsync(address, order.Symbol, cash, key, ct)
            : await ledger.SellAsync(address, order.Symbol, shares, key, ct);
        if (!result.Accepted)
        {
            return Skip(order, "refused", $"ledger: {result.Message}");
        }

        await compliance.TradeExecutedAsync(intent, ct);
        return new OrderExecution(order.Symbol, order.Side, "executed", result.Cash.Amount, result.Shares.Value, result.Fee.Amount, result.NavPerShare.Value, null);
    }

    private static OrderExecution Skip(RebalanceOrder order, string status, string message) =>
        new(order.Symbol, order.Side, status, 0m, 0m, 0m, order.QuotedNav, message);
}
