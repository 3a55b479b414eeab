using System.Globalization;

namespace TreasuryArena.Core.Advice;

/// <summary>
/// Why a treasury plan may trade at all: the drift at or past the band ("drift 6.2% ≥ band 5%"), or a named trigger
/// that may trade inside the band (an MVRV ladder rung sold or the re-entry, an emergency). Without any, the band holds:
/// the planner proposes nothing and <see cref="Guardrails"/> cut every order (rule <c>drift_band</c>), whatever an
/// advisor answers.
/// </summary>
public sealed record TradeMandate(decimal Drift, decimal Band, IReadOnlyList<string> NamedTriggers)
{
    public bool DriftPastBand => Drift >= Band;

    /// <summary>Whether anything asks for a trade.</summary>
    public bool Allows => DriftPastBand || NamedTriggers.Count > 0;

    /// <summary>The named reasons to trade, the band's first when the drift is past it.</summary>
    public IReadOnlyList<string> Reasons =>
        DriftPastBand ? [F($"drift {Drift:0.0%} ≥ band {Band:0.#%}"), .. NamedTriggers] : NamedTriggers;

    /// <summary>"trigger: ladder rung 4 (MVRV Z 9.31 ≥ 9)" or "no trigger: drift 2.1% inside the 5% band, no ladder rung or emergency".</summary>
    public string Describe() =>
        Allows
            ? "trigger: " + string.Join("; ", Reasons)
            : F($"no trigger: drift {Drift:0.0%} inside the {Band:0.#%} band, no ladder rung or emergency");

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
