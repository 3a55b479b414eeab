namespace TreasuryArena.Infrastructure.Tests.MarketData;

/// <summary>One scripted HTTP reply of <see cref="LocalApi"/>.</summary>
internal sealed record Reply(int Status, string Body, TimeSpan Delay = default, string? RetryAfter = null)
{
    public static Reply Ok(string body) => new(200, body);
}
