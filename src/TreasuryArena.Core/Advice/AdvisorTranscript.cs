namespace TreasuryArena.Core.Advice;

/// <summary>What was sent to a model advisor and what came back (raw text, or the error), kept for the journal.</summary>
public sealed record AdvisorTranscript(string Prompt, string? RawAnswer);
