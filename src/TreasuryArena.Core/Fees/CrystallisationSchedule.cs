namespace TreasuryArena.Core.Fees;

/// <summary>How often a performance fee over the high-water mark is crystallised (paid).</summary>
public enum CrystallisationSchedule
{
    Daily,
    Monthly,
    Quarterly,
    Yearly,
}
