using System.Collections.Concurrent;

namespace TreasuryArena.Infrastructure.Advice;

/// <summary>A per-process spend log (used when there is no database).</summary>
public sealed class InMemoryAdvisorSpendLog : IAdvisorSpendLog
{
    private readonly ConcurrentDictionary<DateOnly, long> _tokens = new();

    public Task<long> TokensUsedAsync(DateOnly day, CancellationToken cancellationToken) => Task.FromResult(_tokens.GetValueOrDefault(day));

    public Task RecordAsync(DateOnly day, long tokens, CancellationToken cancellationToken)
    {
        _tokens.AddOrUpdate(day, tokens, (_, t) => t + tokens);
        return Task.CompletedTask;
    }
}
