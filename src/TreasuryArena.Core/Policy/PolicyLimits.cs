using System.Globalization;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Policy;

/// <summary>
/// The organisation's IPS as one wallet's optimizer solves inside it (issue 21). The policy speaks of the organisation's
/// holdings (all its wallets); a wallet's target meets it on its own, so every wallet that meets it keeps the whole
/// organisation inside it (a share or weight of the whole is a value-weighted mean of the wallets'):
/// <list type="bullet">
/// <item><see cref="TokenCap"/>: <c>max_token_weight</c>, applied with the stricter of it and the platform cap;</item>
/// <item><see cref="Disallowed"/>: tokens whose strategy <c>allowed_strategies</c>/<c>excluded_strategies</c> does not allow (never a target);</item>
/// <item><see cref="InvestedCap"/>: the largest sum of token weights, the smaller of <c>max_volatile_share</c> and
/// 1 − <see cref="ReserveShare"/>, the liquidity reserve (<c>liquidity_reserve_months</c> × <c>monthly_expenses</c>) as a
/// share of the organisation's holdings, rounded up to 0.01%: every wallet keeps at least that share in cash, so the
/// organisation's cash is at least the reserve;</item>
/// <item><see cref="MinTokens"/>: <c>min_tokens</c>, each held at <see cref="MinTokenWeight"/> or more.</item>
/// </list>
/// </summary>
public sealed record PolicyLimits
{
    /// <summary>No IPS: nothing beyond the platform's own limits.</summary>
    public static readonly PolicyLimits None = new()
    {
        TokenCap = 1m,
        InvestedCap = 1m,
        InvestedClause = PolicyClause.MaxVolatileShare,
        ReserveShare = 0m,
        MinTokens = 0,
        Disallowed = new HashSet<string>(StringComparer.Ordinal),
        StrategyClause = PolicyClause.AllowedStrategies,
    };

    /// <summary>The weight each of the <see cref="MinTokens"/> tokens is held at, at least, when the clause has to force tokens in (1%).</summary>
    public const decimal MinTokenWeight = 0.01m;

    /// <summary>The largest weight of one token (<c>max_token_weight</c>).</summary>
    public required decimal TokenCap { get; init; }

    /// <summary>The largest sum of token weights (the rest stays in cash).</summary>
    public required decimal InvestedCap { get; init; }

    /// <summary>The clause that sets <see cref="InvestedCap"/>: <c>max_volatile_share</c> or <c>liquidity_reserve_months</c>.</summary>
    public required string InvestedClause { get; init; }

    /// <summary>The liquidity reserve as a share of the organisation's holdings (0–1, rounded up to 0.01%).</summary>
    public required decimal ReserveShare { get; init; }

    /// <summary>The fewest tokens a target holds (0: no minimum).</summary>
    public required int MinTokens { get; init; }

    /// <summary>Symbols the policy does not allow (their strategy is not allowed or is excluded).</summary>
    public required IReadOnlySet<string> Disallowed { get; init; }

    /// <summary>The clause that disallows them: <c>allowed_strategies</c> or <c>excluded_strategies</c>.</summary>
    public required string StrategyClause { get; init; }

    /// <summary>The policy version the limits come from (0: the platform default).</summary>
    public int Version { get; init; }

    /// <summary>True when the limits change nothing for the optimizer.</summary>
    public bool IsNone => TokenCap >= 1m && InvestedCap >= 1m && MinTokens <= 1 && Disallowed.Count == 0;

    /// <summary>A key that is equal for equal limits (the optimizer caches targets per key).</summary>
    public string Key => IsNone ? "" : string.Create(CultureInfo.InvariantCulture,
        $"cap={TokenCap};inv={InvestedCap};min={MinTokens};out={string.Join(",", Disallowed.Order(StringComparer.Ordinal))}");

    /// <summary>
    /// The limits of <paramref name="policy"/> for an organisation with <paramref name="holdings"/>; <paramref name="strategies"/>
    /// maps every token symbol the optimizer may meet to its strategy id.
    /// </summary>
    public static PolicyLimits For(InvestmentPolicy policy, PolicyHoldings holdings, IReadOnlyDictionary<string, string> strategies, int version = 0)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(holdings);
        ArgumentNullException.ThrowIfNull(strategies);
        var total = holdings.Total;
        var reserve = policy.LiquidityReserveUsd <= 0m ? 0m
            : total <= 0m ? 1m
            : Math.Min(1m, RoundingPolicy.Up(policy.LiquidityReserveUsd / total, 4));
        var byReserve = 1m - reserve;
        var invested = Math.Min(policy.MaxVolatileShare, byReserve);
        return new PolicyLimits
        {
            TokenCap = policy.MaxTokenWeight,
            InvestedCap = invested,
            InvestedClause = byReserve < policy.MaxVolatileShare ? PolicyClause.LiquidityReserveMonths : PolicyClause.MaxVolatileShare,
            ReserveShare = reserve,
            MinTokens = policy.MinTokens,
            Disallowed = strategies.Where(kv => !policy.AllowsStrategy(kv.Value)).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal),
            StrategyClause = policy.ExcludedStrategies.Count > 0 ? PolicyClause.ExcludedStrategies : PolicyClause.AllowedStrategies,
            Version = version,
        };
    }

    /// <summary>
    /// Why no target can meet the limits with <paramref name="candidates"/> tokens the filter admits and the policy allows
    /// (null: a target may exist). Names the clause: the reserve or the volatile-share cap leaves nothing to invest while
    /// <c>min_tokens</c> asks for tokens, or <c>min_tokens</c> asks for more tokens than are allowed or fit.
    /// </summary>
    public PolicyBreach? Infeasible(int candidates, int admittedBeforePolicy)
    {
        if (MinTokens > 0 && InvestedCap <= 0m)
        {
            var why = InvestedClause == PolicyClause.LiquidityReserveMonths
                ? Text($"{PolicyClause.LiquidityReserveMonths}: the liquidity reserve is {PolicyText.Percent(ReserveShare)} of the organisation's holdings, so nothing may be invested, but {PolicyClause.MinTokens} asks for {MinTokens} token{(MinTokens == 1 ? "" : "s")}")
                : Text($"{PolicyClause.MaxVolatileShare}: the policy allows no tokens at all, but {PolicyClause.MinTokens} asks for {MinTokens}");
            return new PolicyBreach(InvestedClause, 0m, MinTokens, why, InvestedClause == PolicyClause.LiquidityReserveMonths
                ? "add cash, lower the reserve (months or monthly expenses) or set min_tokens to 0"
                : "raise max_volatile_share or set min_tokens to 0");
        }

        if (MinTokens > candidates)
        {
            var narrowed = candidates < admittedBeforePolicy;
            var why = Text($"{PolicyClause.MinTokens}: the policy asks for at least {MinTokens} tokens, but only {candidates} pass the wallet's risk filter{(narrowed ? Text($" and {StrategyClause} ({admittedBeforePolicy - candidates} left out)") : "")}");
            return new PolicyBreach(narrowed && candidates == 0 ? StrategyClause : PolicyClause.MinTokens, candidates, MinTokens, why,
                narrowed ? Text($"allow more strategies or lower min_tokens to {candidates}") : Text($"lower min_tokens to {candidates} or wait for more tokens to qualify"));
        }

        if (MinTokens > 0 && MinTokens * MinTokenWeight > InvestedCap)
        {
            return new PolicyBreach(PolicyClause.MinTokens, InvestedCap, MinTokens * MinTokenWeight,
                Text($"{PolicyClause.MinTokens}: {MinTokens} tokens of at least {PolicyText.Percent(MinTokenWeight)} each do not fit in the {PolicyText.Percent(InvestedCap)} that {InvestedClause} leaves to invest"),
                Text($"lower min_tokens or loosen {InvestedClause}"));
        }

        return null;
    }

    /// <summary>The limits in words, for the optimizer's notes.</summary>
    public string Describe()
    {
        var parts = new List<string>
        {
            Text($"{PolicyClause.MaxTokenWeight} {PolicyText.Percent(TokenCap)}"),
            Text($"tokens at most {PolicyText.Percent(InvestedCap)} of the wallet ({InvestedClause}{(ReserveShare > 0m ? Text($"; the liquidity reserve is {PolicyText.Percent(ReserveShare)} of the organisation's holdings, kept in cash") : "")})"),
        };
        if (MinTokens > 1)
        {
            parts.Add(Text($"{PolicyClause.MinTokens} {MinTokens}"));
        }

        if (Disallowed.Count > 0)
        {
            parts.Add(Text($"not allowed by {StrategyClause}: {string.Join(", ", Disallowed.Order(StringComparer.Ordinal))}"));
        }

        return string.Join("; ", parts);
    }

    private static string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
