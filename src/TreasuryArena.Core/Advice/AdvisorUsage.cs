namespace TreasuryArena.Core.Advice;

/// <summary>What a model-backed advisor spent on one decision.</summary>
public sealed record AdvisorUsage(string Model, long InputTokens, long OutputTokens)
{
    public long TotalTokens => InputTokens + OutputTokens;
}
