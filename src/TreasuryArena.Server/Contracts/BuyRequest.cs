using System.ComponentModel.DataAnnotations;

namespace TreasuryArena.Server.Contracts;

/// <summary><c>POST /api/tokens/buy</c>: <see cref="Amount"/> is the USD to spend, trade fee included.</summary>
public sealed record BuyRequest(
    [property: Required, StringLength(64)] string Address,
    [property: Required, StringLength(16)] string Symbol,
    decimal Amount);
