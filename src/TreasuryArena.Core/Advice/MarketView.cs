using TreasuryArena.Core.Intelligence;

namespace TreasuryArena.Core.Advice;

/// <summary>
/// The market as the advisor is told about it: the intelligence phase, the indicators with their age, and the
/// allocation signal (target tactical share, confidence 0–100, reasons).
/// </summary>
public sealed record MarketView(
    string Phase,
    IReadOnlyList<IndicatorReading> Indicators,
    decimal TargetTacticalShare,
    int SignalConfidence,
    IReadOnlyList<string> Reasons);
