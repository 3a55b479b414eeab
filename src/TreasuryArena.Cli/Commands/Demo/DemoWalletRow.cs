namespace TreasuryArena.Cli.Commands.Demo;

/// <summary>One wallet in the demo summary: value at the last NAVs and P&amp;L against what was deposited.</summary>
internal sealed record DemoWalletRow(string Address, string Mode, string RiskTolerance, decimal Deposited, decimal Value, decimal Pnl, decimal Cash, IReadOnlyList<string> Tokens);
