namespace TreasuryArena.Server.Contracts;

/// <summary>
/// <c>GET /api/market/inceptions</c>: each asset's first liquid trading day (from the loaded history, by the stated rule)
/// and each yield venue's launch, the dates before which nothing trades or earns the venue's yield.
/// </summary>
public sealed record InceptionsResponse(string Rule, string BeforeLaunch, IReadOnlyList<AssetInceptionResponse> Assets, IReadOnlyList<VenueLaunchResponse> Venues);
