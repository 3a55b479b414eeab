namespace TreasuryArena.Cli.Commands.Intel;

/// <summary>The allocation signal in JSON (fractions of the whole treasury; btc + eth = tactical).</summary>
internal sealed record SignalJson(double Base, double Tactical, double Btc, double Eth, int Confidence, IReadOnlyList<string> Reasons, int MvrvRung, string FearGreedZone);
