namespace TreasuryArena.Server.Contracts;

/// <summary><c>GET /api/admin/revenue</c>: the platform's fee income and what it is earned on.</summary>
public sealed record RevenueResponse(decimal TotalRevenue, int Tokens, int Wallets, decimal AssetsUnderManagement, IReadOnlyList<TokenRevenueLine> ByToken);
