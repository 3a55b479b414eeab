namespace TreasuryArena.Cli.Commands.Demo;

/// <summary>The latest decision about a wallet (optimizer snapshot) or the treasury (advisor), with its reasoning.</summary>
internal sealed record DemoDecision(string Subject, string Action, string Advisor, int? Confidence, string Reasoning);
