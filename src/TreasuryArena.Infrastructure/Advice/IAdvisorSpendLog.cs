namespace TreasuryArena.Infrastructure.Advice;

/// <summary>Tokens spent on a model advisor per UTC day, so <see cref="AnthropicOptions.DailyTokenBudget"/> holds across processes.</summary>
public interface IAdvisorSpendLog
{
    Task<long> TokensUsedAsync(DateOnly day, CancellationToken cancellationToken);

    Task RecordAsync(DateOnly day, long tokens, CancellationToken cancellationToken);
}
