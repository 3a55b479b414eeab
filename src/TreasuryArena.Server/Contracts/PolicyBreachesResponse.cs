using TreasuryArena.Core.Application;

namespace TreasuryArena.Server.Contracts;

/// <summary>The organisation's holdings against its IPS version: cash, total, volatile share and the breaches (empty: compliant).</summary>
public sealed record PolicyBreachesResponse(Guid OrganisationId, int PolicyVersion, decimal Cash, decimal Total, decimal VolatileShare, bool Compliant, List<PolicyBreachResponse> Breaches)
{
    /// <summary>The breaches the daily scan recorded after market moves over the last 90 days, newest first (issue 21).</summary>
    public List<RecordedBreachResponse> Recorded { get; init; } = [];

    public static PolicyBreachesResponse From(PolicyReview r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var total = r.Holdings.Total;
        return new(r.Policy.OrganisationId, r.Policy.Version, r.Holdings.Cash, total, r.Holdings.VolatileShare,
            r.Breaches.Count == 0, [.. r.Breaches.Select(PolicyBreachResponse.From)])
        {
            Recorded = [.. r.Recorded.Select(b => new RecordedBreachResponse(b.AsOf, b.PolicyVersion, b.Breach.Clause, b.Breach.Symbol, b.Breach.Measured, b.Breach.Limit, b.Breach.Message, b.Breach.Remedy))],
        };
    }
}
