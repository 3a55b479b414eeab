using Microsoft.AspNetCore.Http.HttpResults;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Wallets;
using TreasuryArena.Core.Wallets.Proposals;
using TreasuryArena.Infrastructure.Reports;
using TreasuryArena.Infrastructure.Storage;
using TreasuryArena.Server.Auth;
using TreasuryArena.Server.Contracts;
using TreasuryArena.Server.Http;

namespace TreasuryArena.Server.Endpoints;

/// <summary>Wallets: list, create, status, transactions, deposit, withdraw, mode. Reads for any member of the owning organisation; changes for its treasurer.</summary>
public static class WalletEndpoints
{
    public static IEndpointRouteBuilder MapWalletEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Wallets").RequireAuthorization(ApiKeyDefaults.MemberPolicy);
        group.MapGet("/wallets", ListWallets);
        group.MapPost("/wallet/create", CreateWallet).RequireAuthorization(ApiKeyDefaults.TreasurerPolicy);
        group.MapGet("/wallet/{address}/status", GetStatus);
        group.MapGet("/wallet/{address}/transactions", Transactions);
        group.MapPost("/wallet/deposit", Deposit).RequireAuthorization(ApiKeyDefaults.TreasurerPolicy);
        group.MapPost("/wallet/withdraw", Withdraw).RequireAuthorization(ApiKeyDefaults.TreasurerPolicy);
        group.MapPost("/wallet/mode", SetMode).RequireAuthorization(ApiKeyDefaults.TreasurerPolicy);
        return app;
    }

    /// <summary>The caller's organisation's wallets (an admin's: all) with value, P&amp;L, holdings and pending proposals.</summary>
    public static async Task<Ok<List<WalletSummaryResponse>>> ListWallets(HttpContext http, [AsParameters] LedgerServices s, TokensRuntime tokens)
    {
        var caller = http.Caller();
        var pending = (await tokens.Allocations.ProposalsAsync(null, ProposalStatus.Pending, http.RequestAborted))
            .GroupBy(p => p.WalletAddress, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var wallets = new List<WalletSummaryResponse>();
        foreach (var w in s.Ledger.ListWallets())
        {
            if (caller.CanRead(Guid.Parse(w.Organisation)) && s.Ledger.GetWallet(w.Address) is { } view)
            {
                wallets.Add(WalletSummaryResponse.From(Status(view, s.Ledger), pending.GetValueOrDefault(w.Address)));
            }
        }

        return TypedResults.Ok(wallets);
    }

    /// <summary>The wallet's ledger history, newest first: deposits, withdrawals, buys and sells (<c>?limit=1..500</c>, default 50; <c>?before=SEQ</c> pages back).</summary>
    public static async Task<Results<Ok<WalletTransactionsResponse>, ProblemHttpResult>> Transactions(string address, string? limit, string? before, HttpContext http, [AsParameters] LedgerServices s, ArenaDatabase database)
    {
        if (QueryParams.Limit(limit, 50, 500, out var n) is { } badLimit)
        {
            return badLimit;
        }

        if (QueryParams.Cursor("before", before, out var cursor) is { } badCursor)
        {
            return badCursor;
        }

        var view = WalletAccess.Find(s.Ledger, http.Caller(), address);
        if (view is null)
        {
            return Problems.For(Outcome.WalletNotFound, $"no wallet {address} in your organisation");
        }

        await using var journal = database.CreateLedgerJournal();
        var page = await WalletTransactions.ReadAsync(journal, view.Wallet.Address, n, cursor, http.RequestAborted);
        return TypedResults.Ok(new WalletTransactionsResponse(view.Wallet.Address, page.Transactions.Select(WalletTransactionResponse.From).ToList(), page.NextBefore));
    }

    public static async Task<Results<Created<WalletResponse>, ProblemHttpResult>> CreateWallet(CreateWalletRequest request, HttpContext http, [AsParameters] LedgerServices s)
    {
        var caller = http.Caller();
        var org = caller.OrganisationId!.Value;
        var result = await s.Ledger.CreateWalletAsync(org.ToString(), request.Mode, request.RiskTolerance, WalletAccess.LedgerKey(http, caller), http.RequestAborted);
        if (!result.Accepted)
        {
            return Problems.For(result.Error.ToOutcome(), result.Message ?? "refused");
        }

        var wallet = s.Ledger.GetWallet(result.Address!)!.Wallet;
        return TypedResults.Created($"/api/wallet/{wallet.Address}/status", WalletResponse.From(wallet));
    }

    /// <summary>The wallet's status with its turnover and fees paid (read from the ledger's entries of the wallet).</summary>
    public static async Task<Results<Ok<WalletStatusResponse>, ProblemHttpResult>> GetStatus(string address, HttpContext http, [AsParameters] LedgerServices s, ArenaDatabase database, TimeProvider time)
    {
        var view = WalletAccess.Find(s.Ledger, http.Caller(), address);
        if (view is null)
        {
            return Problems.For(Outcome.WalletNotFound, $"no wallet {address} in your organisation");
        }

        var status = Status(view, s.Ledger);
        await using var journal = database.CreateLedgerJournal();
        var activity = await WalletActivity.ReadAsync(journal, view.Wallet.Address, status.Value, time.GetUtcNow(), http.RequestAborted);
        return TypedResults.Ok(status with { Turnover = WalletTurnoverResponse.From(activity), FeesPaid = WalletFeesPaidResponse.From(activity) });
    }

    public static Task<Results<Ok<CashResponse>, ProblemHttpResult>> Deposit(CashRequest request, HttpContext http, [AsParameters] LedgerServices s) =>
        MoveCashAsync(request, deposit: true, http, s);

    public static Task<Results<Ok<CashResponse>, ProblemHttpResult>> Withdraw(CashRequest request, HttpContext http, [AsParameters] LedgerServices s) =>
        MoveCashAsync(request, deposit: false, http, s);

    public static async Task<Results<Ok<WalletResponse>, ProblemHttpResult>> SetMode(WalletModeRequest request, HttpContext http, [AsParameters] LedgerServices s)
    {
        var view = WalletAccess.Find(s.Ledger, http.Caller(), request.Address);
        if (view is null)
        {
            return Problems.For(Outcome.WalletNotFound, $"no wallet {request.Address} in your organisation");
        }

        var result = await s.Ledger.UpdateWalletAsync(view.Wallet.Address, request.Mode, request.RiskTolerance ?? view.Wallet.Risk, http.RequestAborted);
        if (!result.Accepted)
        {
            return Problems.For(result.Error.ToOutcome(), result.Message ?? "refused");
        }

        return TypedResults.Ok(WalletResponse.From(s.Ledger.GetWallet(view.Wallet.Address)!.Wallet));
    }

    private static async Task<Results<Ok<CashResponse>, ProblemHttpResult>> MoveCashAsync(CashRequest request, bool deposit, HttpContext http, LedgerServices s)
    {
        var caller = http.Caller();
        if (AmountRules.Problem(request.Amount, Currency.Usd.Scale, "USD") is { } problem)
        {
            return Problems.BadField("amount", problem, Outcome.InvalidAmount);
        }

        var view = WalletAccess.Find(s.Ledger, caller, request.Address);
        if (view is null)
        {
            return Problems.For(Outcome.WalletNotFound, $"no wallet {request.Address} in your organisation");
        }

        var key = WalletAccess.LedgerKey(http, caller);
        var result = deposit
            ? await s.Ledger.DepositAsync(view.Wallet.Address, Money.Usd(request.Amount), key, http.RequestAborted)
            : await s.Ledger.WithdrawAsync(view.Wallet.Address, Money.Usd(request.Amount), key, http.RequestAborted);
        if (!result.Accepted)
        {
            return Problems.For(result.Error.ToOutcome(), result.Message ?? "refused", result.Error == LedgerError.InvalidAmount ? "amount" : null);
        }

        var cash = s.Ledger.GetWallet(view.Wallet.Address)!.Cash.Amount;
        return TypedResults.Ok(new CashResponse(view.Wallet.Address, result.Cash.Amount, cash, result.OperationId, result.Repeated));
    }

    internal static WalletStatusResponse Status(WalletView view, LedgerService ledger)
    {
        var rows = new List<(Holding H, decimal Nav, decimal Value)>();
        foreach (var h in view.Holdings)
        {
            var nav = ledger.GetToken(h.Symbol)?.NavPerShare ?? UnitPrice.Of(0m);
            rows.Add((h, nav.Value, h.MarketValue(nav).Amount));
        }

        var invested = rows.Sum(r => r.Value);
        var total = view.Cash.Amount + invested;
        var holdings = rows.Select(r => new HoldingResponse(
            r.H.Symbol,
            r.H.Shares.Value,
            r.Nav,
            r.Value,
            r.H.CostBasis.Amount,
            r.H.AverageCost.Value,
            r.Value - r.H.CostBasis.Amount,
            r.H.RealisedPnl.Amount,
            total == 0m ? 0m : Math.Round(r.Value / total, 6, MidpointRounding.ToEven))).ToList();
        var w = view.Wallet;
        return new WalletStatusResponse(
            w.Address,
            Guid.Parse(w.Organisation),
            w.Mode,
            w.Risk,
            view.Cash.Amount,
            holdings,
            total,
            rows.Sum(r => r.H.CostBasis.Amount),
            rows.Sum(r => r.Value - r.H.CostBasis.Amount),
            rows.Sum(r => r.H.RealisedPnl.Amount),
            w.CreatedAt);
    }
}
