using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Strategies;

/// <summary>An unknown strategy, a bad parameter or an invalid spec: a user error with a readable message.</summary>
public sealed class StrategyException(Outcome outcome, string message) : DomainException(outcome, message)
{
    public static StrategyException Unknown(string message) => new(Outcome.UnknownStrategy, message);

    public static StrategyException BadParameter(string message) => new(Outcome.BadParameter, message);

    public static StrategyException InvalidSpec(string message) => new(Outcome.InvalidSpec, message);
}
