using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;
using TreasuryArena.Infrastructure.Storage;
using TreasuryArena.Server.Contracts;
using TreasuryArena.Server.Http;

namespace TreasuryArena.Server.Endpoints;

/// <summary>
/// The <c>GET /api/tokens/list</c> body, serialised once per state (with its length and ETag, see
/// <see cref="CachedJson"/>): it is rebuilt only when the ledger's
/// <see cref="TreasuryArena.Core.Ledger.LedgerService.Version"/> (a trade, a NAV re-valuation, a status change) or the
/// database's <see cref="ArenaDatabase.NavVersion"/> (the NAV step's history rows, backings, lifecycle events) moved,
/// and the NAV rows it shows are re-read only when the latter moved or the ledger followed another process's commits
/// (see <see cref="NavKey"/>): the ledger is the cluster's clock for these caches. One request rebuilds; concurrent ones wait for it.
/// Each token's <c>GET /api/tokens/{symbol}/info</c> body is kept the same way (<see cref="GetInfoAsync"/>): its NAV rows
/// and lifecycle are re-read only when the NAV version moved, and a trade only re-serialises the body.
/// </summary>
public sealed class TokenListCache(TokensRuntime runtime, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IDisposable
{
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private Body? _body;
    private (long NavVersion, Dictionary<string, StoredInsight> Insights)? _stored;
    private readonly SemaphoreSlim _infoRebuild = new(1, 1);
    private readonly ConcurrentDictionary<string, Body> _info = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long NavVersion, StoredDetail Detail)> _details = new(StringComparer.Ordinal);

    /// <summary>Number of times the body was built (for tests and diagnostics).</summary>
    public long Builds { get; private set; }

    /// <summary>Number of times an info body was built, and of those how many re-read the NAV store.</summary>
    public (long Bodies, long Reads) InfoBuilds { get; private set; }

    /// <summary>The info body of <paramref name="symbol"/> (upper case), or null when the ledger has no such token.</summary>
    public async ValueTask<CachedJson?> GetInfoAsync(string symbol, CancellationToken ct)
    {
        if (_info.TryGetValue(symbol, out var body) && body.IsAt(runtime.Ledger.Version, NavKey()))
        {
            return body.Json;
        }

        await _infoRebuild.WaitAsync(ct);
        try
        {
            // Versions first, then the state (as for the list).
            var ledgerVersion = runtime.Ledger.Version;
            var navVersion = NavKey();
            if (_info.TryGetValue(symbol, out body) && body.IsAt(ledgerVersion, navVersion))
            {
                return body.Json;
            }

            if (runtime.Ledger.GetToken(symbol) is not { } view)
            {
                return null;
            }

            var reads = InfoBuilds.Reads;
            if (!_details.TryGetValue(symbol, out var detail) || detail.NavVersion != navVersion)
            {
                detail = (navVersion, await TokenInsights.LoadDetailAsync(runtime.NavStore, symbol, runtime.Nav.Options, ct));
                _details[symbol] = detail;
                reads++;
            }

            var response = TokenInsights.Describe(view, detail.Detail, runtime.RiskFree, runtime.Nav.Options);
            if (view.Token.Status == Core.Tokens.TokenStatus.Proving && detail.Detail.Insight.Rows is { Count: > 0 } rows)
            {
                var track = rows.Select(r => (r.Date, r.Nav)).ToList();
                response = response with { ProvingReason = runtime.Nav.EvaluateProving(track, view.Token.InceptionDate, rows[^1].Date, TokenInsights.BreakerOf(view, detail.Detail, runtime.Nav.Options)?.Limit).Reason };
            }

            body = new Body(ledgerVersion, navVersion, new CachedJson(JsonSerializer.SerializeToUtf8Bytes(response, json.Value.SerializerOptions)));
            _info[symbol] = body;
            InfoBuilds = (InfoBuilds.Bodies + 1, reads);
            return body.Json;
        }
        finally
        {
            _infoRebuild.Release();
        }
    }

    public async ValueTask<CachedJson> GetAsync(CancellationToken ct)
    {
        var body = Volatile.Read(ref _body);
        if (body is not null && body.IsAt(runtime.Ledger.Version, NavKey()))
        {
            return body.Json;
        }

        await _rebuild.WaitAsync(ct);
        try
        {
            // Versions first, then the state: the body holds at least what those versions describe.
            var ledgerVersion = runtime.Ledger.Version;
            var navVersion = NavKey();
            body = _body;
            if (body is not null && body.IsAt(ledgerVersion, navVersion))
            {
                return body.Json;
            }

            var insights = _stored is { } s && s.NavVersion == navVersion ? s.Insights : new Dictionary<string, StoredInsight>(StringComparer.Ordinal);
            var list = new List<TokenSummaryResponse>();
            foreach (var token in runtime.Ledger.ListTokens())
            {
                var symbol = token.Token.Symbol;
                if (!insights.TryGetValue(symbol, out var stored))
                {
                    stored = await TokenInsights.LoadAsync(runtime.NavStore, symbol, full: false, ct);
                    insights[symbol] = stored;
                }

                list.Add(TokenInsights.Summarise(token, stored, runtime.RiskFree));
            }

            _stored = (navVersion, insights);
            body = new Body(ledgerVersion, navVersion, new CachedJson(JsonSerializer.SerializeToUtf8Bytes(list, json.Value.SerializerOptions)));
            Volatile.Write(ref _body, body);
            Builds++;
            return body.Json;
        }
        finally
        {
            _rebuild.Release();
        }
    }

    /// <summary>
    /// Moves when this process wrote NAV rows (<see cref="ArenaDatabase.NavVersion"/>) or its ledger applied another
    /// process's commits (<see cref="TreasuryArena.Core.Ledger.LedgerService.Followed"/>: a NAV step, a token issued or
    /// a trade elsewhere), so NAV rows written by another process on the same database are read again too. Both
    /// counters only grow, so their sum moves whenever either does.
    /// </summary>
    private long NavKey() => runtime.Database.NavVersion + runtime.Ledger.Followed;

    public void Dispose()
    {
        _rebuild.Dispose();
        _infoRebuild.Dispose();
    }

    private sealed record Body(long LedgerVersion, long NavVersion, CachedJson Json)
    {
        /// <summary>Whether the body was built at these versions of the ledger and the NAV rows.</summary>
        public bool IsAt(long ledgerVersion, long navVersion) => LedgerVersion == ledgerVersion && NavVersion == navVersion;
    }
}
