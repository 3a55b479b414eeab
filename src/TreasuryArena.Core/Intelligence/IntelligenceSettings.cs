namespace TreasuryArena.Core.Intelligence;

/// <summary>All settings of the intelligence pipeline.</summary>
public sealed record IntelligenceSettings(PhaseSettings Phase, SignalSettings Signal, TriggerSettings Triggers)
{
    public static IntelligenceSettings Default { get; } = new(PhaseSettings.Default, SignalSettings.Default, TriggerSettings.Default);
}
