namespace TreasuryArena.Infrastructure.Configuration;

/// <summary>A configuration key nothing reads (or a deprecated one): <paramref name="Key"/>, the nearest known key if one is close, and the sentence to show.</summary>
public sealed record ConfigurationWarning(string Key, string? Suggestion, string Message);
