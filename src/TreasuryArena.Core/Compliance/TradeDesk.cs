using System.Globalization;
using System.Text.Json;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Tokens;

namespace TreasuryArena.Core.Compliance;

/// <summary>
/// The one trade path: checks the order (amount, token, wallet ownership), asks the <see cref="IComplianceGate"/>,
/// and only when allowed executes on the <see cref="LedgerService"/> (which counts the trade). Used by the API, by
/// admin release of held trades and by jobs, so no path can skip compliance.
/// </summary>
public sealed class TradeDesk(LedgerService ledger, IComplianceGate gate)
{
    /// <summary>The gate every trade of this desk passes (plans are reviewed through it as one decision).</summary>
    public IComplianceGate Gate => gate;

    /// <summary>
    /// The order's own checks before the compliance gate (amount, token, wallet of the caller's organisation, buys open,
    /// cash or shares enough): the refusal, or null when the order may go on (the two-person rule asks this before it
    /// queues an order, so an order the desk would refuse is refused at once, never queued).
    /// </summary>
    public TradeOutcome.Refused? Precheck(TradeOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var field = order.Side == OrderSide.Buy ? "amount" : "shares";
        var problem = AmountRules.Problem(order.Amount, order.Side == OrderSide.Buy ? Currency.Usd.Scale : Shares.Scale, order.Side == OrderSide.Buy ? "USD" : "shares");
        if (problem is not null)
        {
            return new TradeOutcome.Refused(Outcome.InvalidAmount, problem, field);
        }

        var token = ledger.GetToken(order.Symbol);
        if (token is null)
        {
            return new TradeOutcome.Refused(Outcome.UnknownToken, $"no token with symbol '{order.Symbol}'", "symbol");
        }

        var wallet = ledger.GetWallet(order.Address);
        if (wallet is null || !OwnedBy(wallet.Wallet.Organisation, order.Caller))
        {
            return new TradeOutcome.Refused(Outcome.WalletNotFound, $"no wallet {order.Address} in your organisation", "address");
        }

        if (order.Side == OrderSide.Buy && !TokenLifecycle.CanBuy(token.Token.Status))
        {
            return new TradeOutcome.Refused(Outcome.TokenNotTradable, $"token {token.Token.Symbol} is {token.Token.Status.ToString().ToLowerInvariant()}: buys are closed", "symbol");
        }

        if (order.Side == OrderSide.Buy && wallet.Cash.Amount < order.Amount)
        {
            return new TradeOutcome.Refused(Outcome.InsufficientCash, string.Create(CultureInfo.InvariantCulture, $"the wallet holds ${wallet.Cash.Amount:0.00}, less than ${order.Amount:0.00}"), null);
        }

        if (order.Side == OrderSide.Sell && (wallet.Holdings.FirstOrDefault(h => h.Symbol == token.Token.Symbol)?.Shares.Value ?? 0m) < order.Amount)
        {
            return new TradeOutcome.Refused(Outcome.InsufficientShares, $"the wallet holds fewer than {order.Amount.ToString(CultureInfo.InvariantCulture)} shares of {token.Token.Symbol}", null);
        }

        return null;
    }

    public async Task<TradeOutcome> ExecuteAsync(TradeOrder order, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (Precheck(order) is { } refused)
        {
            return refused;
        }

        var field = order.Side == OrderSide.Buy ? "amount" : "shares";
        var token = ledger.GetToken(order.Symbol)!;
        var wallet = ledger.GetWallet(order.Address)!;
        var usdValue = order.Side == OrderSide.Buy ? order.Amount : RoundingPolicy.ValueDown(order.Amount * token.NavPerShare.Value, Currency.Usd);
        var intent = new TradeIntent(
            Guid.Parse(wallet.Wallet.Organisation),
            wallet.Wallet.Address,
            token.Token.Symbol,
            order.Side,
            usdValue,
            WalletValue(wallet),
            order.Caller.Actor,
            order.Source,
            () => JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["address"] = order.Address,
                ["symbol"] = token.Token.Symbol,
                ["side"] = order.Side.ToString().ToLowerInvariant(),
                ["amount"] = order.Amount.ToString(CultureInfo.InvariantCulture),
                ["idempotency_key"] = order.IdempotencyKey,
            }));
        switch (await gate.CheckTradeAsync(intent, ct))
        {
            case ComplianceVerdict.Refused r:
                return new TradeOutcome.Refused(r.Outcome, r.Reason, null);
            case ComplianceVerdict.Held h:
                return new TradeOutcome.Held(h.Trade);
        }

        var result = order.Side == OrderSide.Buy
            ? await ledger.BuyAsync(order.Address, token.Token.Symbol, Money.Usd(order.Amount), order.IdempotencyKey, ct)
            : await ledger.SellAsync(order.Address, token.Token.Symbol, Shares.Of(order.Amount), order.IdempotencyKey, ct);
        if (!result.Accepted)
        {
            return new TradeOutcome.Refused(result.Error.ToOutcome(), result.Message ?? result.Error.ToString(), result.Error == LedgerError.InvalidAmount ? field : null);
        }

        return new TradeOutcome.Executed(result);
    }

    /// <summary>Re-executes a held trade after an admin released it (monitoring is waived; halt and verification are not).</summary>
    public Task<TradeOutcome> ReleaseAsync(HeldTrade hold, Caller admin, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(hold);
        ArgumentNullException.ThrowIfNull(admin);
        var request = JsonSerializer.Deserialize<Dictionary<string, string>>(hold.Request) ?? [];
        var amount = decimal.Parse(request["amount"], NumberStyles.Number, CultureInfo.InvariantCulture);
        var owner = new Caller(admin.KeyId, admin.MemberId, admin.MemberName, hold.OrganisationId, Role.Treasurer);
        var order = new TradeOrder(owner, hold.WalletAddress, hold.Symbol, hold.Side, amount, Ledger.IdempotencyMemory.HoldReleaseKeyPrefix + hold.Id.ToString("N"), TradeSource.HoldRelease);
        return ExecuteAsync(order, ct);
    }

    /// <summary>Cash plus every holding at its token's current NAV (<see cref="Wallets.WalletValuation"/>).</summary>
    public decimal WalletValue(Wallets.WalletView wallet) => Wallets.WalletValuation.Of(wallet, s => ledger.GetToken(s)?.NavPerShare);

    private static bool OwnedBy(string organisation, Caller caller) =>
        caller.Role == Role.Admin || (caller.OrganisationId is { } org && string.Equals(org.ToString(), organisation, StringComparison.OrdinalIgnoreCase));
}
