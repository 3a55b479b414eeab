using System.Globalization;
using System.Net;
using System.Text;

namespace TreasuryArena.Infrastructure.Reports;

/// <summary>The shared head of the printable reports (statement, board report): inline CSS with print rules, no scripts, no other origin.</summary>
internal static class ReportHtml
{
    public static StringBuilder Start(string title, string extraCss = "")
    {
        var sb = new StringBuilder();
        sb.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
          .Append("<title>").Append(E(title)).Append("</title><style>")
          .Append("body{font:14px/1.45 system-ui,sans-serif;color:#111;max-width:960px;margin:2em auto;padding:0 1em}")
          .Append("table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}th,td{border-bottom:1px solid #ccc;padding:.3em .5em;text-align:left}")
          .Append("td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.5em}")
          .Append(".muted{color:#555}svg{max-width:100%;height:auto}@media print{body{margin:0}h2{break-after:avoid}table{break-inside:auto}}")
          .Append(extraCss)
          .Append("</style></head><body>");
        return sb;
    }

    public static string E(string s) => WebUtility.HtmlEncode(s);

    public static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
