using Microsoft.AspNetCore.Http.HttpResults;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Core.Nav;
using TreasuryArena.Core.Quant;
using TreasuryArena.Core.Tokens;
using TreasuryArena.Core.Wallets;
using TreasuryArena.Infrastructure.Platform;
using TreasuryArena.Infrastructure.Storage;
using TreasuryArena.Server.Auth;
using TreasuryArena.Server.Contracts;

namespace TreasuryArena.Server.Endpoints;

/// <summary>Admin: the circuit breakers — platform halt, token drawdown breakers (buys paused), wallet drawdown breakers (FULL_AI → HYBRID).</summary>
public static class AdminBreakerEndpoints
{
    public static IEndpointRouteBuilder MapAdminBreakerEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/admin").WithTags("Admin: compliance and audit").RequireAuthorization(ApiKeyDefaults.AdminPolicy)
            .MapGet("/breakers", Breakers);
        return app;
    }

    public static async Task<Ok<BreakersResponse>> Breakers(TokensRuntime tokens, IComplianceStore compliance, SqlWalletPeakStore peaks, MonitoringRules rules, CancellationToken ct)
    {
        var halt = HaltResponse.From(await compliance.HaltStateAsync(ct));
        var o = tokens.Nav.Options;
        var rule = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"each token's limit is {o.BreakerMultiple:0.##} × its backtested worst drawdown, within {BreakerLimit.Pct(o.BreakerFloor)} … {BreakerLimit.Pct(o.BreakerCap)}, measured from its live peak; {BreakerState.ReviewRule(o)}");
        var walletLimit = rules.WalletDrawdownBreaker;
        var optimizer = tokens.Settings.Optimizer.Wallet;
        var fired = new List<BreakerResponse>();

        var tokenRows = new List<TokenBreakerResponse>();
        foreach (var t in tokens.Ledger.ListTokens())
        {
            var symbol = t.Token.Symbol;
            var state = await tokens.Nav.BreakerStateAsync(symbol, null, ct);
            decimal? drawdown = state?.Drawdown;
            var tokenLimit = state?.Limit.Limit ?? o.BreakerFloor;
            string? reason = null;
            // One source: the breaker's state from Core (a breaker pause an admin has held is not a live trip).
            var tripped = state?.State == BreakerState.TrippedState;
            if (t.Token.Status == TokenStatus.Paused)
            {
                reason = (await tokens.NavStore.EventsAsync(symbol, ct)).LastOrDefault(e => e.To == TokenStatus.Paused)?.Reason;
            }

            tokenRows.Add(new TokenBreakerResponse(symbol, t.Token.Status, t.NavPerShare.Value, drawdown, tokenLimit, tripped, reason,
                state?.Limit.SourceName, state?.Limit.Describe(), state?.Progress())
            {
                Breaker = state is null ? null : TokenBreakerInfoResponse.From(state),
            });
            if (tripped)
            {
                fired.Add(new BreakerResponse("token", symbol, "tripped", drawdown, tokenLimit, reason));
            }
        }

        var known = await peaks.ListAsync(ct);
        var walletRows = new List<WalletBreakerResponse>();
        foreach (var w in tokens.Ledger.ListWallets())
        {
            if (tokens.Ledger.GetWallet(w.Address) is not { } view)
            {
                continue;
            }

            var value = tokens.Desk.WalletValue(view);
            decimal? peak = known.TryGetValue(w.Address, out var p) ? p : null;
            decimal? drawdown = peak is { } pv ? Drawdowns.Reported(pv, value) : null;
            var limit = WalletBreakerLimit.For(w.Risk, rules, optimizer);
            var tripped = peak is { } pk && ComplianceRules.WalletDrawdownTrips(pk, value, limit.Limit);
            walletRows.Add(new WalletBreakerResponse(w.Address, Guid.Parse(w.Organisation), w.Mode, value, peak, drawdown, limit.Limit, tripped) { LimitSource = limit.Describe() });
            if (tripped)
            {
                fired.Add(new BreakerResponse("wallet", w.Address, "tripped", drawdown, limit.Limit, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"value {value:0.00} against peak {peak:0.00}")));
            }
        }

        var walletRule = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"each wallet's limit is {rules.WalletBreakerVolatilityMultiple:0.##} × its tolerance's volatility ceiling, within {BreakerLimit.Pct(rules.WalletDrawdownBreaker)} … {BreakerLimit.Pct(rules.WalletBreakerCap)} (CONSERVATIVE {BreakerLimit.Pct(WalletBreakerLimit.For(RiskTolerance.Conservative, rules, optimizer).Limit)}, MODERATE {BreakerLimit.Pct(WalletBreakerLimit.For(RiskTolerance.Moderate, rules, optimizer).Limit)}, AGGRESSIVE {BreakerLimit.Pct(WalletBreakerLimit.For(RiskTolerance.Aggressive, rules, optimizer).Limit)}); a tripped FULL_AI wallet goes HYBRID and returns to FULL_AI once back {BreakerLimit.Pct(rules.WalletResumeRecoveryFraction)} of the way or after {rules.WalletResumeCoolingOffDays} days without a new low");
        return TypedResults.Ok(new BreakersResponse(halt, rule, walletLimit, fired, tokenRows, walletRows) { WalletBreakerRule = walletRule });
    }
}
