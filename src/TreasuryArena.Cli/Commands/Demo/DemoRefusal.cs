namespace TreasuryArena.Cli.Commands.Demo;

/// <summary>A manual buy the IPS refused: wallet, token and its strategy, USD amount, the outcome code (<c>policy_breach</c>), the clause and the message.</summary>
internal sealed record DemoRefusal(string Wallet, string Symbol, string Strategy, decimal Amount, string Code, string? Clause, string Message);
