namespace TreasuryArena.Core.Reporting;

/// <summary>One line (or stacked band) of an SVG chart: a name for the legend, one value per x, a CSS colour.</summary>
public sealed record SvgSeries(string Name, double[] Values, string Color);
