namespace TreasuryArena.Core.Quant;

/// <summary>
/// Constraints and regularisers shared by every mean–variance objective. Weights always sum to 1.
/// Per-asset bounds default to MinWeight..MaxWeight (long-only 0..1); a negative lower bound allows shorts.
/// </summary>
public sealed record PortfolioConstraints
{
    public static readonly PortfolioConstraints LongOnly = new();

    public double MinWeight { get; init; }

    public double MaxWeight { get; init; } = 1;

    /// <summary>Per-asset lower bounds overriding <see cref="MinWeight"/> (same order as the assets).</summary>
    public IReadOnlyList<double>? LowerBounds { get; init; }

    /// <summary>Per-asset upper bounds overriding <see cref="MaxWeight"/>.</summary>
    public IReadOnlyList<double>? UpperBounds { get; init; }

    /// <summary>L2 regularisation: adds γ‖w‖² to the objective (γ‖y‖² in max Sharpe's scaled variables, as PyPortfolioOpt).</summary>
    public double Gamma { get; init; }

    public IReadOnlyList<GroupConstraint> Groups { get; init; } = [];

    /// <summary>
    /// Weighted linear caps aᵀw ≤ b (each <see cref="LinearRow.A"/> has one entry per asset), e.g. an exposure cap
    /// Σ e_i w_i ≤ cap. Max Sharpe homogenises them as (a − b·1)ᵀy ≤ 0, like the groups.
    /// </summary>
    public IReadOnlyList<LinearRow> Inequalities { get; init; } = [];

    /// <summary>
    /// At least this many holdings of at least <see cref="MinHoldingWeight"/> each. This is combinatorial; it is met by a
    /// documented heuristic: assets are forced in (lower bound = MinHoldingWeight) in order of the smallest KKT bound
    /// multiplier (the cheapest to add) and the problem is solved again.
    /// </summary>
    public int MinHoldings { get; init; }

    public double MinHoldingWeight { get; init; } = 0.01;

    /// <summary>Current weights for turnover terms (same order as the assets).</summary>
    public IReadOnlyList<double>? CurrentWeights { get; init; }

    /// <summary>Cost per unit of weight traded, subtracted from the objective: c Σ |w - w_current| (e.g. 0.001 = 10 bp).</summary>
    public double TurnoverPenalty { get; init; }

    /// <summary>Cap on one-way turnover ½ Σ |w - w_current| (null: no cap).</summary>
    public double? MaxTurnover { get; init; }

    internal bool HasTurnover => CurrentWeights is not null && (TurnoverPenalty > 0 || MaxTurnover is not null);

    internal (double[] Lower, double[] Upper) Bounds(int n)
    {
        var lo = new double[n];
        var hi = new double[n];
        for (var i = 0; i < n; i++)
        {
            lo[i] = LowerBounds is { } l ? l[i] : MinWeight;
            hi[i] = UpperBounds is { } u ? u[i] : MaxWeight;
        }

        return (lo, hi);
    }
}
