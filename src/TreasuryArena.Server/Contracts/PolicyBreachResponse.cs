using TreasuryArena.Core.Policy;

namespace TreasuryArena.Server.Contracts;

/// <summary>One clause the holdings break: measured value and limit (fractions, USD or counts as the clause is written), message and suggested remedy.</summary>
public sealed record PolicyBreachResponse(string Clause, string? Symbol, decimal Measured, decimal Limit, string Message, string Remedy)
{
    public static PolicyBreachResponse From(PolicyBreach b)
    {
        ArgumentNullException.ThrowIfNull(b);
        return new(b.Clause, b.Symbol, b.Measured, b.Limit, b.Message, b.Remedy);
    }
}
