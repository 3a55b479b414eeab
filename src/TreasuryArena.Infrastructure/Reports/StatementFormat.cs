namespace TreasuryArena.Infrastructure.Reports;

/// <summary>How a monthly statement is delivered: the printable HTML page, its figures as CSV, or the page printed to PDF by headless Chromium.</summary>
public enum StatementFormat
{
    Html,
    Csv,
    Pdf,
}
