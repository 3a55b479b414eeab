namespace TreasuryArena.Core.Quant;

/// <summary>
/// The solver's answer with its KKT certificate. Multipliers follow ∇f(x) = Σ λ_E a_E - Σ μ_I a_I + ν_L - ν_U
/// with μ_I, ν_L, ν_U ≥ 0 (inequality and bound multipliers are non-negative at optimality).
/// </summary>
/// <param name="X">The solution.</param>
/// <param name="Iterations">Active-set iterations (phase 1 included).</param>
/// <param name="Residual">max(stationarity residual ‖∇f - Aᵀλ - ν‖∞, primal violation, dual sign violation).</param>
/// <param name="Objective">½ xᵀPx + qᵀx.</param>
/// <param name="EqualityMultipliers">λ per equality row.</param>
/// <param name="InequalityMultipliers">μ ≥ 0 per inequality row (0 when inactive).</param>
/// <param name="LowerMultipliers">ν_L ≥ 0 per variable (0 unless at its lower bound).</param>
/// <param name="UpperMultipliers">ν_U ≥ 0 per variable (0 unless at its upper bound).</param>
public sealed record QpSolution(
    double[] X,
    int Iterations,
    double Residual,
    double Objective,
    double[] EqualityMultipliers,
    double[] InequalityMultipliers,
    double[] LowerMultipliers,
    double[] UpperMultipliers);
