namespace TreasuryArena.Infrastructure.MarketData.Fetch;

/// <summary>What happened to one file of the history layout: written (rows and range) or not (why).</summary>
public sealed record FetchOutcome(string File, string Source, bool Written, int Rows, DateOnly? From, DateOnly? To, string? Error);
