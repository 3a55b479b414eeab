using System.ComponentModel.DataAnnotations;

namespace TreasuryArena.Server.Contracts;

/// <summary><c>POST /api/admin/tokens</c>: a token (status proving) backed by a strategy.</summary>
public sealed record CreateTokenRequest(
    [property: Required, StringLength(100, MinimumLength = 1)] string Strategy,
    [property: Required, StringLength(16, MinimumLength = 1)] string Symbol,
    [property: StringLength(200)] string? Name = null,
    decimal? InitialNav = null);
