using TreasuryArena.Core.Common;

namespace TreasuryArena.Infrastructure.Reports;

/// <summary>Parsing of <see cref="StatementFormat"/> (<c>html</c>, <c>csv</c>, <c>pdf</c>; case-insensitive; absent: HTML).</summary>
public static class StatementFormats
{
    public static StatementFormat Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "html" => StatementFormat.Html,
        "csv" => StatementFormat.Csv,
        "pdf" => StatementFormat.Pdf,
        _ => throw new DomainException(Outcome.InvalidQuery, $"format `{text}` is not html, csv or pdf") { Field = "format" },
    };
}
