namespace TreasuryArena.Cli.Commands.Intel;

/// <summary>One rebalance trigger in JSON.</summary>
internal sealed record TriggerJson(string Kind, string Code, string Message);
