using TreasuryArena.Core.Common;
using TreasuryArena.Core.Tokens;

namespace TreasuryArena.Core.Ledger;

/// <summary>
/// The ledger's tokens and their fund figures: gross asset value, supply and the one NAV per share (see
/// <see cref="SharePricing"/>), read from the balances. Part of <see cref="LedgerState"/>; not thread-safe.
/// </summary>
internal sealed class TokenBook(LedgerBalances balances)
{
    private readonly Dictionary<string, StrategyToken> tokens = new(StringComparer.Ordinal);
    private string[] sortedSymbols = [];

    public IReadOnlyDictionary<string, StrategyToken> All => tokens;

    public bool Contains(string symbol) => tokens.ContainsKey(symbol);

    public bool TryGet(string symbol, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out StrategyToken? token) => tokens.TryGetValue(symbol, out token);

    public StrategyToken? Find(string symbol) => tokens.GetValueOrDefault(symbol);

    /// <summary>Adds or replaces a token (tokens are never removed).</summary>
    public void Set(StrategyToken token) => tokens[token.Symbol] = token;

    public Money GrossAssetValue(string symbol) => Money.Usd(balances.Of(LedgerAccount.Fund(symbol), LedgerUnit.Usd));

    public Shares Supply(string symbol) => Shares.Of(-balances.Of(LedgerAccount.Issuance(symbol), LedgerUnit.SharesOf(symbol)));

    /// <summary>floor₈((GAV + V·R) / (supply + V)) with the token's reference NAV R; R when the fund is empty; 0 for no token.</summary>
    public UnitPrice NavPerShare(string symbol) =>
        tokens.TryGetValue(symbol, out var t)
            ? SharePricing.NavPerShare(GrossAssetValue(symbol).Amount, Supply(symbol).Value, t.ReferenceNav)
            : UnitPrice.Of(0m);

    public TokenView? View(string symbol) =>
        tokens.TryGetValue(symbol, out var t)
            ? new TokenView(t, GrossAssetValue(symbol), Supply(symbol), NavPerShare(symbol), balances.HoldersOf(symbol))
            : null;

    /// <summary>Token symbols in ordinal order (cached; tokens are never removed, only added).</summary>
    public string[] SortedSymbols()
    {
        if (sortedSymbols.Length != tokens.Count)
        {
            sortedSymbols = [.. tokens.Keys.Order(StringComparer.Ordinal)];
        }

        return sortedSymbols;
    }
}
