namespace TreasuryArena.Core.Identity;

/// <summary>The kinds of nonprofit the platform serves.</summary>
public enum OrganisationType
{
    Church,
    Trust,
    Ministry,
}
