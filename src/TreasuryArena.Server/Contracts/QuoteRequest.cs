using System.ComponentModel.DataAnnotations;

namespace TreasuryArena.Server.Contracts;

/// <summary>
/// <c>POST /api/tokens/quote</c>: a buy of <see cref="Amount"/> USD (fee included) or, with <see cref="Side"/>
/// <c>sell</c>, a sale of <see cref="Shares"/>.
/// </summary>
public sealed record QuoteRequest(
    [property: Required, StringLength(64)] string Address,
    [property: Required, StringLength(16)] string Symbol,
    decimal? Amount = null,
    decimal? Shares = null,
    [property: StringLength(8)] string? Side = null);
