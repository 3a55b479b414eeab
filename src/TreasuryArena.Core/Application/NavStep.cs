using TreasuryArena.Core.Nav;

namespace TreasuryArena.Core.Application;

/// <summary>
/// What a NAV step did: <see cref="Report"/> of the engine, the date asked, and <see cref="To"/> the date stepped to
/// (the platform date when the one asked was later: <see cref="Clamped"/>).
/// </summary>
public sealed record NavStep(DateOnly Asked, DateOnly To, NavRunReport Report)
{
    public bool Clamped => To < Asked;

    /// <summary>IPS breaches found on the organisations' holdings at the new prices (recorded for the date; see <see cref="PolicyUseCases.RecordBreachesAsync"/>).</summary>
    public int PolicyBreaches { get; init; }
}
