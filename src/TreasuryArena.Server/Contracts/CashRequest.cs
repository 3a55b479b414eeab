using System.ComponentModel.DataAnnotations;

namespace TreasuryArena.Server.Contracts;

/// <summary><c>POST /api/wallet/deposit</c> and <c>/withdraw</c>: USD amount.</summary>
public sealed record CashRequest([property: Required, StringLength(64)] string Address, decimal Amount);
