using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Quant;

/// <summary>
/// A quant input or problem that cannot be computed as asked: too few points, a non-positive price, an infeasible
/// optimisation. <see cref="DomainException.Code"/> says which (for example <c>too_few_points</c>, <c>infeasible</c>).
/// </summary>
public sealed class QuantException : DomainException
{
    public QuantException(Outcome outcome, string message)
        : base(outcome, message)
    {
    }
}
