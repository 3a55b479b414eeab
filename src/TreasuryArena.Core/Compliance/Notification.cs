namespace TreasuryArena.Core.Compliance;

/// <summary>Something a person should know about: a hold, a breaker, a pending approval.</summary>
public sealed record Notification(string Kind, string Subject, string Message, DateTimeOffset At, Guid? OrganisationId);
