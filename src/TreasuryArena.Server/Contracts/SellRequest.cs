using System.ComponentModel.DataAnnotations;

namespace TreasuryArena.Server.Contracts;

/// <summary><c>POST /api/tokens/sell</c>: the number of shares to redeem.</summary>
public sealed record SellRequest(
    [property: Required, StringLength(64)] string Address,
    [property: Required, StringLength(16)] string Symbol,
    decimal Shares);
