namespace TreasuryArena.Core.Treasury;

/// <summary>
/// The treasury that existed before treasuries were per organisation (migration 0500): it belongs to the operator-owned
/// organisation "Platform treasury", a reserved id with no row among the member organisations (no members or keys, not
/// listed; only an admin reaches it), registered in <c>treasuries</c> on first use; it keeps the configured <c>Treasury:Organisation</c> ledger name and
/// <c>Treasury:InitialCapital</c>, and is what an operator's command without <c>--org</c> acts on.
/// </summary>
public static class PlatformTreasury
{
    public const string Name = "Platform treasury";

    /// <summary>The fixed id the migration gives the existing treasury's rows.</summary>
    public static readonly Guid OrganisationId = Guid.Parse("00000000-0000-0000-0000-00000000a7ea");
}
