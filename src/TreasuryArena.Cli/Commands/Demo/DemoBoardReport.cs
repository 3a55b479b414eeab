namespace TreasuryArena.Cli.Commands.Demo;

/// <summary>The board report the demo wrote: its quarter, the HTML file, the PDF (null without headless Chromium, <see cref="PdfNote"/> says why), breaches and decisions counted.</summary>
internal sealed record DemoBoardReport(string Quarter, string HtmlPath, string? PdfPath, string? PdfNote, int Breaches, int Decisions);
