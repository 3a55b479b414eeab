namespace TreasuryArena.Server.Contracts;

/// <summary><c>POST /api/treasury</c>: the USD capital; the organisation is the caller's (an admin names it with <c>organisation_id</c>).</summary>
public sealed record CreateTreasuryRequest(decimal Capital, Guid? OrganisationId = null);
