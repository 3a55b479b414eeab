using Microsoft.AspNetCore.Http.HttpResults;
using TreasuryArena.Core.Application;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Identity;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Core.Ports;
using TreasuryArena.Core.Wallets;
using TreasuryArena.Core.Wallets.Proposals;
using TreasuryArena.Infrastructure.Reports;
using TreasuryArena.Infrastructure.Storage;
using TreasuryArena.Server.Auth;
using TreasuryArena.Server.Contracts;
using TreasuryArena.Server.Http;

namespace TreasuryArena.Server.Endpoints;

/// <summary>Wallets: list, create, status, transactions (JSON pages or CSV), monthly statement (HTML, CSV, PDF), deposit, withdraw, mode. Reads for any member of the owning organisation; changes for its treasurer.</summary>
public static class WalletEndpoints
{
    /// <summary>The most operations one CSV export of <c>/transactions?format=csv</c> holds.</summary>
    public const int CsvMaxOperations = 100_000;

    public static IEndpointRouteBuilder MapWalletEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Wallets").RequireAuthorization(ApiKeyDefaults.MemberPolicy);
        group.MapGet("/wallets", ListWallets);
        group.MapPost("/wallet/create", CreateWallet).RequireAuthorization(WalletAccess.OrganisationMember);
        group.MapGet("/wallet/{address}/status", GetStatus);
        group.MapGet("/wallet/{address}/transactions", Transactions)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        group.MapGet("/wallet/{address}/statement", Statement)
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf");
        group.MapPost("/wallet/deposit", Deposit).RequireAuthorization(WalletAccess.OrganisationMember);
        group.MapPost("/wallet/withdraw", Withdraw).RequireAuthorization(WalletAccess.OrganisationMember);
        group.MapPost("/wallet/mode", SetMode).RequireAuthorization(WalletAccess.OrganisationMember);
        return app;
    }

    /// <summary>The caller's organisation's wallets (an admin's: all) with value, P&amp;L, holdings and pending proposals.</summary>
    public static async Task<Ok<List<WalletSummaryResponse>>> ListWallets(HttpContext http, [AsParameters] LedgerServices s, TokensRuntime tokens, IIdentityStore identity)
    {
        var caller = http.Caller();
        var names = (await identity.ListOrganisationsAsync(http.RequestAborted)).ToDictionary(o => o.Id, o => o.Name);
        var pending = (await tokens.Allocations.ProposalsAsync(null, ProposalStatus.Pending, http.RequestAborted))
            .GroupBy(p => p.WalletAddress, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var wallets = new List<WalletSummaryResponse>();
        foreach (var w in s.Ledger.ListWallets())
        {
            if (Guid.Parse(w.Organisation) is var org && caller.CanRead(org) && s.Ledger.GetWallet(w.Address) is { } view)
            {
                wallets.Add(WalletSummaryResponse.From(Status(view, s.Ledger, names.GetValueOrDefault(org)), pending.GetValueOrDefault(w.Address)));
            }
        }

        return TypedResults.Ok(wallets);
    }

    /// <summary>
    /// The wallet's ledger history, newest first: deposits, withdrawals, buys and sells (<c>?limit=1..500</c>, default 50;
    /// <c>?before=SEQ</c> pages back). <c>?format=csv</c>: the same operations as a CSV download
    /// (<see cref="WalletTransactionsCsv"/>), every one (at most <see cref="CsvMaxOperations"/>) unless <c>limit</c> is given.
    /// </summary>
    public static async Task<Results<Ok<WalletTransactionsResponse>, FileContentHttpResult, ProblemHttpResult>> Transactions(string address, string? limit, string? before, string? format, HttpContext http, [AsParameters] LedgerServices s, ArenaDatabase database)
    {
        var csv = format?.Trim().ToLowerInvariant() switch
        {
            null or "" or "json" => false,
            "csv" => true,
            _ => (bool?)null,
        };
        if (csv is null)
        {
            return Problems.For(Outcome.InvalidQuery, $"format `{format}` is not json or csv", "format");
        }

        if (QueryParams.Limit(limit, csv is true ? CsvMaxOperations : 50, csv is true ? CsvMaxOperations : 500, out var n) is { } badLimit)
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
        if (csv is true)
        {
            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(WalletTransactionsCsv.Render(page.Transactions)), "text/csv; charset=utf-8", $"transactions-{view.Wallet.Address}.csv");
        }

        return TypedResults.Ok(new WalletTransactionsResponse(view.Wallet.Address, page.Transactions.Select(WalletTransactionResponse.From).ToList(), page.NextBefore));
    }

    /// <summary>
    /// The wallet's monthly statement (<c>?month=yyyy-MM</c>, default the platform date's month; <c>&amp;format=html|csv|pdf</c>,
    /// default HTML) through <see cref="WalletStatementUseCases"/>, as <c>arena report statement</c>: the HTML page inline
    /// (with the reports' Content-Security-Policy), CSV and PDF as downloads. A malformed or out-of-range month is a 400
    /// naming <c>month</c>, an unknown format a 400 naming <c>format</c>, another organisation's wallet a 404, no Chromium a 503.
    /// </summary>
    public static async Task<Results<ContentHttpResult, FileContentHttpResult, ProblemHttpResult>> Statement(string address, string? month, string? format, HttpContext http, WalletStatementUseCases statements)
    {
        try
        {
            var kind = StatementFormats.Parse(format);
            var statement = await statements.StatementAsync(http.Caller(), address, month, http.RequestAborted);
            var (content, contentType, fileName) = await statements.RenderAsync(statement, kind, http.RequestAborted);
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = AdminEvaluationEndpoints.ReportPolicy;
            headers.CacheControl = "no-store";
            return kind == StatementFormat.Html
                ? TypedResults.Content(System.Text.Encoding.UTF8.GetString(content), contentType, System.Text.Encoding.UTF8)
                : TypedResults.File(content, contentType, fileName);
        }
        catch (DomainException ex)
        {
            return UseCaseProblems.From(http, ex);
        }
    }

    /// <summary>Creates a wallet for the caller's organisation through <see cref="WalletUseCases.CreateAsync"/> (the plan must allow the mode; audited).</summary>
    public static async Task<Results<Created<WalletResponse>, ProblemHttpResult>> CreateWallet(CreateWalletRequest request, HttpContext http, WalletUseCases wallets)
    {
        var caller = http.Caller();
        try
        {
            var view = await wallets.CreateAsync(caller, new NewWallet(caller.OrganisationId?.ToString() ?? "", request.Mode, request.RiskTolerance, null, WalletAccess.LedgerKey(http, caller), request.Name), http.RequestAborted);
            return TypedResults.Created($"/api/wallet/{view.Wallet.Address}/status", WalletResponse.From(view.Wallet));
        }
        catch (DomainException ex)
        {
            return UseCaseProblems.From(http, ex);
        }
    }

    /// <summary>The wallet's status with its turnover and fees paid (read from the ledger's entries of the wallet).</summary>
    public static async Task<Results<Ok<WalletStatusResponse>, ProblemHttpResult>> GetStatus(string address, HttpContext http, [AsParameters] LedgerServices s, ArenaDatabase database, IBusinessClock clock, IIdentityStore identity)
    {
        var view = WalletAccess.Find(s.Ledger, http.Caller(), address);
        if (view is null)
        {
            return Problems.For(Outcome.WalletNotFound, $"no wallet {address} in your organisation");
        }

        var org = await identity.FindOrganisationAsync(Guid.Parse(view.Wallet.Organisation), http.RequestAborted);
        var status = Status(view, s.Ledger, org?.Name);
        await using var journal = database.CreateLedgerJournal();
        // On the business calendar: windows end at the platform date, the wallet opened on its first entry's valuation date.
        var today = clock.Today;
        var activity = await WalletActivity.ReadAsync(journal, view.Wallet.Address, status.Value, today, http.RequestAborted);
        var created = DateOnly.FromDateTime(view.Wallet.CreatedAt.UtcDateTime);
        return TypedResults.Ok(status with
        {
            Turnover = WalletTurnoverResponse.From(activity),
            FeesPaid = WalletFeesPaidResponse.From(activity),
            OpenedOn = activity.OpenedOn ?? (created < today ? created : today),
        });
    }

    public static Task<Results<Ok<CashResponse>, ProblemHttpResult>> Deposit(CashRequest request, HttpContext http, WalletUseCases wallets) =>
        MoveCashAsync(request, deposit: true, http, wallets);

    public static Task<Results<Ok<CashResponse>, ProblemHttpResult>> Withdraw(CashRequest request, HttpContext http, WalletUseCases wallets) =>
        MoveCashAsync(request, deposit: false, http, wallets);

    /// <summary>Changes the wallet's mode (and risk) through <see cref="WalletUseCases.ChangeModeAsync"/> (the plan must allow the mode; audited).</summary>
    public static async Task<Results<Ok<WalletResponse>, ProblemHttpResult>> SetMode(WalletModeRequest request, HttpContext http, WalletUseCases wallets)
    {
        try
        {
            var view = await wallets.ChangeModeAsync(http.Caller(), new WalletModeChange(request.Address, request.Mode, request.RiskTolerance), http.RequestAborted);
            return TypedResults.Ok(WalletResponse.From(view.Wallet));
        }
        catch (DomainException ex)
        {
            return UseCaseProblems.From(http, ex);
        }
    }

    private static async Task<Results<Ok<CashResponse>, ProblemHttpResult>> MoveCashAsync(CashRequest request, bool deposit, HttpContext http, WalletUseCases wallets)
    {
        var caller = http.Caller();
        if (AmountRules.Problem(request.Amount, Currency.Usd.Scale, "USD") is { } problem)
        {
            return Problems.BadField("amount", problem, Outcome.InvalidAmount);
        }

        var movement = new CashMovement(request.Address, request.Amount, WalletAccess.LedgerKey(http, caller));
        try
        {
            var result = deposit
                ? await wallets.DepositAsync(caller, movement, http.RequestAborted)
                : await wallets.WithdrawAsync(caller, movement, http.RequestAborted);
            var view = wallets.Find(caller, request.Address);
            return TypedResults.Ok(new CashResponse(view.Wallet.Address, result.Cash.Amount, view.Cash.Amount, result.OperationId, result.Repeated));
        }
        catch (DomainException ex)
        {
            return UseCaseProblems.From(http, ex, ex.Outcome == Outcome.InvalidAmount ? "amount" : null);
        }
    }

    internal static WalletStatusResponse Status(WalletView view, LedgerService ledger, string? organisationName = null)
    {
        var rows = WalletValuation.Lines(view, s => ledger.GetToken(s)?.NavPerShare).Select(l => (H: l.Holding, Nav: l.Nav.Value, l.Value)).ToList();

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
            total == 0m ? 0m : RoundingPolicy.Ratio(r.Value / total, 6))).ToList();
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
            w.CreatedAt,
            Name: w.Name,
            Organisation: organisationName);
    }
}
