namespace TreasuryArena.Server.Endpoints;

/// <summary>Who a session belongs to: the role drives the dashboard's navigation (the API enforces it).</summary>
public sealed record SessionResponse(string Role, string? Member, string? OrganizationId, string? Organization);
