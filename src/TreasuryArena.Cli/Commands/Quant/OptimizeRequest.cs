namespace TreasuryArena.Cli.Commands.Quant;

/// <summary>The parsed options of <c>arena optimize</c>.</summary>
internal sealed record OptimizeRequest
{
    public string Objective { get; init; } = "max-sharpe";

    public string Returns { get; init; } = "geometric";

    public string Cov { get; init; } = "sample";

    public string ShrinkageTarget { get; init; } = "constant-variance";

    public string Align { get; init; } = "pairwise";

    public double Frequency { get; init; } = 252;

    public double RiskFree { get; init; } = 0.02;

    public double MinWeight { get; init; }

    public double MaxWeight { get; init; } = 1;

    public double Gamma { get; init; }

    public double? TargetVolatility { get; init; }

    public double? TargetReturn { get; init; }

    public double RiskAversion { get; init; } = 1;

    public int MinHoldings { get; init; }

    public double MinHoldingWeight { get; init; } = 0.01;

    public double? Span { get; init; }
}
