using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Strategies;

/// <summary>An unknown strategy, a bad parameter or an invalid spec: a user error with a readable message.</summary>
public sealed class StrategyException(string code, string message) : DomainException(code, message)
{
    public static StrategyException Unknown(string message) => new("unknown_strategy", message);

    public static StrategyException BadParameter(string message) => new("bad_parameter", message);

    public static StrategyException InvalidSpec(string message) => new("invalid_spec", message);
}
