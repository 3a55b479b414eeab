using System.Globalization;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Reporting;

/// <summary>
/// The plain-language summary of a board report, written by rules from its figures (no model): value and cash, the
/// quarter's return against the benchmark, fees, policy breaches, the liquidity reserve and the decisions taken.
/// </summary>
public static class BoardSummary
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <param name="closing">The last day of the period (quarter end, or the platform date in the current quarter).</param>
    /// <param name="wallets">How many wallets are reported.</param>
    /// <param name="treasury">Whether the organisation's treasury is reported too.</param>
    /// <param name="value">Their value at <paramref name="closing"/>.</param>
    /// <param name="cash">Their cash at <paramref name="closing"/>.</param>
    /// <param name="quarterReturn">The wallets' combined return over the quarter (null when nothing was invested).</param>
    /// <param name="benchmarkReturn">The benchmark's return over the same days.</param>
    /// <param name="benchmark">The benchmark's name.</param>
    /// <param name="fees">Fees paid in the quarter.</param>
    /// <param name="breaches">Policy breaches in the quarter.</param>
    /// <param name="reserveMonths">Cash ÷ monthly expenses, or null when monthly expenses are not set.</param>
    /// <param name="decisions">Decisions taken in the quarter.</param>
    public static IReadOnlyList<string> Write(
        DateOnly closing, int wallets, bool treasury, decimal value, decimal cash, decimal? quarterReturn, double? benchmarkReturn, string benchmark,
        decimal fees, int breaches, decimal? reserveMonths, int decisions)
    {
        var lines = new List<string>();
        if (wallets == 0 && !treasury)
        {
            lines.Add("The organisation held no wallets during this quarter, so there is nothing to report on performance.");
        }
        else
        {
            var accounts = string.Create(Inv, $"{wallets} wallet{(wallets == 1 ? "" : "s")}") + (treasury ? " and its treasury" : "");
            lines.Add(string.Create(Inv, $"On {closing:d MMMM yyyy} the organisation's {accounts} held {value:N2} USD, of which {cash:N2} USD ({Share(cash, value)}) in cash."));
        }

        if (quarterReturn is { } r)
        {
            var verb = r >= 0m ? "gained" : "lost";
            var text = string.Create(Inv, $"Over the quarter the wallets {verb} {Math.Abs(r):0.00%} after fees");
            if (benchmarkReturn is { } b)
            {
                var diff = AnalyticsBoundary.ToDouble(r) - b;
                var standing = Math.Abs(diff) < 0.0005d ? "in line with" : diff > 0 ? string.Create(Inv, $"{diff * 100:0.00} percentage points ahead of") : string.Create(Inv, $"{-diff * 100:0.00} percentage points behind");
                text += string.Create(Inv, $", {standing} the {benchmark} benchmark ({b:0.00%}).");
            }
            else
            {
                text += "; the benchmark has no market data for this period.";
            }

            lines.Add(text);
        }

        lines.Add(fees == 0m
            ? "No fees were paid this quarter."
            : string.Create(Inv, $"Fees paid this quarter came to {fees:N2} USD{(value > 0m ? " (" + (fees / value).ToString("0.00%", Inv) + " of the closing value)" : "")}."));
        lines.Add(breaches == 0
            ? "No breaches of the investment policy were recorded."
            : string.Create(Inv, $"{breaches} breach{(breaches == 1 ? " of the investment policy was" : "es of the investment policy were")} recorded; see the compliance section for the remedies."));
        lines.Add(reserveMonths is { } m
            ? string.Create(Inv, $"Cash covers {m:0.0} months of expenses.")
            : "The liquidity reserve cannot be measured: monthly expenses are not set in the investment policy.");
        lines.Add(decisions == 0
            ? "No investment decisions were recorded this quarter."
            : string.Create(Inv, $"{decisions} investment decision{(decisions == 1 ? " was" : "s were")} recorded, each with its reasoning and outcome below."));
        return lines;
    }

    private static string Share(decimal part, decimal whole) => whole == 0m ? "0%" : (part / whole).ToString("0.0%", Inv);
}
