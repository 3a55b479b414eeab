using TreasuryArena.Infrastructure.Advice;

namespace TreasuryArena.Infrastructure.Reports;

/// <summary>The <c>Reports</c> section: where headless Chromium is (it prints board reports to PDF) and which organisation's board report includes the platform treasury.</summary>
public sealed class BoardReportOptions
{
    public const string SectionName = "Reports";

    /// <summary>The Chromium (or Chrome) executable run headless to print PDFs; Debian's package installs <c>/usr/bin/chromium</c>.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>How long one PDF print may take before it is abandoned.</summary>
    public TimeSpan PdfTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The name of the organisation that owns the platform treasury (<see cref="TreasuryRuntime"/>), whose board report
    /// shows it when that organisation has no treasury of its own; none by default. Every other organisation's report
    /// shows its own treasury, or says it has none (see <see cref="BoardTreasuries"/>).
    /// </summary>
    public string? TreasuryOrganisation { get; set; }
}
