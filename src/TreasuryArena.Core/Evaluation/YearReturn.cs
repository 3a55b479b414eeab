namespace TreasuryArena.Core.Evaluation;

/// <summary>A contender's return over one calendar year (part-years at the ends of the window are marked partial).</summary>
public sealed record YearReturn(int Year, double Return, bool Partial);
