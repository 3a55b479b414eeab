using TreasuryArena.Core.MarketData;

namespace TreasuryArena.Core.Intelligence;

/// <summary>A daily series together with the name of the source it came from.</summary>
public sealed record IndicatorSeries(TimeSeries Series, string Source);
