using System.Globalization;
using System.Text.RegularExpressions;
using TreasuryArena.Core.Reporting;

namespace TreasuryArena.Core.Tests.Reporting;

/// <summary>The date axis of <see cref="SvgChart"/>: distinct, correct labels whatever the span (issue 22: a month's statement chart read one month eight times).</summary>
public sealed partial class SvgChartTests
{
    private static List<string> AxisLabels(string svg) =>
        [.. AxisLabel().Matches(svg).Select(m => m.Groups[1].Value)];

    private static SvgSeries Series(int n) => new("value", [.. Enumerable.Range(0, n).Select(i => 100.0 + i)], "#000");

    [Fact]
    public void Line_OneMonth_LabelsDistinctDaysOfThatMonth()
    {
        var dates = Enumerable.Range(0, 31).Select(i => new DateOnly(2025, 3, 1).AddDays(i)).ToList();

        var labels = AxisLabels(SvgChart.Line("value", dates, [Series(dates.Count)]));

        Assert.True(labels.Count >= 2, string.Join(",", labels));
        Assert.Equal(labels.Count, labels.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("2025-03-01", labels[0]);
        Assert.Equal("2025-03-31", labels[^1]);
        Assert.All(labels, l => Assert.Contains(DateOnly.ParseExact(l, "yyyy-MM-dd", CultureInfo.InvariantCulture), dates));
    }

    [Fact]
    public void Line_ThreeMonths_NoLabelRepeats()
    {
        var dates = Enumerable.Range(0, 92).Select(i => new DateOnly(2025, 7, 1).AddDays(i)).ToList();

        var labels = AxisLabels(SvgChart.StackedArea("weights", dates, [Series(dates.Count)]));

        Assert.Equal(labels.Count, labels.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(8, labels.Count);
    }

    [Fact]
    public void Line_Years_LabelsMonthsWithoutRepeats()
    {
        var dates = Enumerable.Range(0, 1500).Select(i => new DateOnly(2020, 1, 1).AddDays(i)).ToList();

        var labels = AxisLabels(SvgChart.Line("value", dates, [Series(dates.Count)]));

        Assert.Equal(8, labels.Count);
        Assert.All(labels, l => Assert.Matches("^\\d{4}-\\d{2}$", l));
        Assert.Equal(labels.Count, labels.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("2020-01", labels[0]);
    }

    [GeneratedRegex("<text x=\"[0-9.]+\" y=\"[0-9.]+\" text-anchor=\"middle\" class=\"t\">([^<]+)</text>")]
    private static partial Regex AxisLabel();
}
