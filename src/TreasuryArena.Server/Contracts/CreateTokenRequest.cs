using System.ComponentModel.DataAnnotations;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Server.Contracts;

/// <summary>
/// <c>POST /api/admin/tokens</c>: a token (status proving) issued from a library strategy, as <c>arena tokens issue</c>
/// does: its backing (strategy, parameters, inception) and the strategy's backtest up to inception are stored with it.
/// <c>hurdle</c> is the performance fee's benchmark: <c>none</c> (default) or <c>tbill</c>.
/// </summary>
public sealed record CreateTokenRequest(
    [property: Required, StringLength(100, MinimumLength = 1)] string Strategy,
    [property: Required, StringLength(16, MinimumLength = 1)] string Symbol,
    [property: StringLength(FreeText.NameMaxLength)] string? Name = null,
    decimal? InitialNav = null,
    Dictionary<string, string>? Parameters = null,
    DateOnly? Inception = null,
    [property: StringLength(10)] string? Hurdle = null);
