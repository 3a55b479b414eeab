using System.Globalization;

namespace TreasuryArena.Core.Reporting;

/// <summary>A calendar quarter (<c>2025Q3</c>: July 1 to September 30, UTC business days), the period of a board report.</summary>
public readonly record struct ReportQuarter
{
    private ReportQuarter(int year, int number)
    {
        Year = year;
        Number = number;
    }

    public int Year { get; }

    /// <summary>1..4.</summary>
    public int Number { get; }

    public DateOnly First => new(Year, ((Number - 1) * 3) + 1, 1);

    public DateOnly Last => First.AddMonths(3).AddDays(-1);

    /// <summary>January 1 of the quarter's year (the start of "year to date").</summary>
    public DateOnly YearStart => new(Year, 1, 1);

    /// <summary>The quarter before this one.</summary>
    public ReportQuarter Previous => Number == 1 ? new(Year - 1, 4) : new(Year, Number - 1);

    /// <summary>The quarter a date falls in.</summary>
    public static ReportQuarter Of(DateOnly day) => new(day.Year, ((day.Month - 1) / 3) + 1);

    /// <summary>Parses <c>yyyyQn</c> (case-insensitive, e.g. <c>2025Q3</c>); false for anything else.</summary>
    public static bool TryParse(string? text, out ReportQuarter quarter)
    {
        quarter = default;
        var t = text?.Trim() ?? "";
        if (t.Length != 6 || (t[4] != 'Q' && t[4] != 'q') || t[5] is < '1' or > '4'
            || !int.TryParse(t.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1900)
        {
            return false;
        }

        quarter = new ReportQuarter(year, t[5] - '0');
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}Q{Number}");
}
