namespace TreasuryArena.Core.MarketData;

/// <summary>
/// A yield venue's launch date (see <see cref="Inception.Venues"/>): before it, a position meant for the venue is not
/// credited the venue's yield; it accrues the US 3-month T-bill rate instead (the cash-equivalent rate).
/// </summary>
/// <param name="Venue">The venue id as <c>Treasury:BaseVenues</c> names it (<c>aave</c>, <c>curve</c>, <c>pendle</c>).</param>
/// <param name="Name">What launched, e.g. "Aave v1 (Ethereum mainnet)".</param>
/// <param name="Date">The launch date (UTC).</param>
/// <param name="Source">Where the date comes from.</param>
public sealed record VenueLaunch(string Venue, string Name, DateOnly Date, string Source);
