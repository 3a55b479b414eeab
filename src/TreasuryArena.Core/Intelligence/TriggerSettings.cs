namespace TreasuryArena.Core.Intelligence;

/// <summary>Trigger thresholds: drift above 5%, BTC down more than 15% in 24h.</summary>
public sealed record TriggerSettings
{
    public static TriggerSettings Default { get; } = new();

    /// <summary>Drift = ½ Σ |current − target| over base, BTC and ETH; a trigger when strictly above this.</summary>
    public double DriftThreshold { get; init; } = 0.05;

    /// <summary>An emergency when BTC's 24h change is strictly below this.</summary>
    public double EmergencyBtcDrop24h { get; init; } = -0.15;
}
