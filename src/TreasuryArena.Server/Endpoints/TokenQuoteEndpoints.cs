using Microsoft.AspNetCore.Http.HttpResults;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Server.Auth;
using TreasuryArena.Server.Contracts;
using TreasuryArena.Server.Http;

namespace TreasuryArena.Server.Endpoints;

/// <summary>
/// <c>POST /api/tokens/quote</c>: the shares, NAV, fee and net amount of a buy or sell at the token's current state,
/// computed with the ledger's own fee and rounding rules; nothing is traded or recorded. Any member of the wallet's
/// organisation may ask (a viewer sees what a trade would cost); another organisation's wallet is not found.
/// </summary>
public static class TokenQuoteEndpoints
{
    public static IEndpointRouteBuilder MapTokenQuoteEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/tokens").WithTags("Tokens").RequireAuthorization(ApiKeyDefaults.MemberPolicy)
            .MapPost("/quote", Quote);
        return app;
    }

    public static Results<Ok<QuoteResponse>, ProblemHttpResult> Quote(QuoteRequest request, HttpContext http, [AsParameters] LedgerServices s)
    {
        var side = request.Side?.Trim().ToLowerInvariant() ?? "buy";
        if (side is not ("buy" or "sell"))
        {
            return Problems.BadField("side", "side must be buy or sell");
        }

        var buy = side == "buy";
        var field = buy ? "amount" : "shares";
        var value = buy ? request.Amount : request.Shares;
        if ((buy ? request.Shares : request.Amount) is not null)
        {
            var other = buy ? "shares" : "amount";
            return Problems.BadField(other, $"{other} is not part of a {side} quote: send amount for a buy, shares for a sell");
        }

        if (value is not { } amount)
        {
            return Problems.BadField(field, buy ? "amount (USD to spend) is required for a buy quote" : "shares is required for a sell quote");
        }

        if (AmountRules.Problem(amount, buy ? Currency.Usd.Scale : Shares.Scale, buy ? "USD" : "shares") is { } problem)
        {
            return Problems.BadField(field, problem, Outcome.InvalidAmount);
        }

        var view = WalletAccess.Find(s.Ledger, http.Caller(), request.Address);
        if (view is null)
        {
            return Problems.For(Outcome.WalletNotFound, $"no wallet {request.Address} in your organisation");
        }

        var symbol = request.Symbol.Trim().ToUpperInvariant();
        var token = s.Ledger.GetToken(symbol);
        if (token is null)
        {
            return Problems.For(Outcome.UnknownToken, $"no token with symbol '{request.Symbol}'", "symbol");
        }

        var quote = buy
            ? TradeQuote.ForBuy(token, Money.Usd(amount))
            : TradeQuote.ForSell(token, Shares.Of(amount), view.Holdings.FirstOrDefault(h => h.Symbol == symbol)?.Shares ?? Shares.Zero);
        if (quote.Error is { } error)
        {
            return Problems.For(error.ToOutcome(), quote.Message ?? "not quotable", error == LedgerError.InvalidAmount ? field : null);
        }

        return TypedResults.Ok(QuoteResponse.From(view.Wallet.Address, quote));
    }
}
