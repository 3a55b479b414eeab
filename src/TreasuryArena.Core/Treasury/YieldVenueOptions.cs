namespace TreasuryArena.Core.Treasury;

/// <summary>
/// One base-yield position: its asset id, venue, share of the base allocation, the APY it accrues (configured; live
/// DefiLlama APYs replace it when the intelligence layer provides them) and its trading costs in basis points.
/// <see cref="Venue"/> also keys the venue's launch date (<see cref="MarketData.Inception.Venue"/>): before it the
/// position accrues the T-bill rate, not <see cref="Apy"/>.
/// </summary>
public sealed class YieldVenueOptions
{
    public string Asset { get; init; } = "";

    public string Venue { get; init; } = "";

    public decimal ShareOfBase { get; init; }

    public decimal Apy { get; init; }

    public decimal FeeBps { get; init; } = 5m;

    public decimal SlippageBps { get; init; } = 5m;
}
