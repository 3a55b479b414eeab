namespace TreasuryArena.Core.Identity;

/// <summary>A new session: <see cref="Id"/> goes to the browser once (its cookie) and is never stored; the record holds its hash.</summary>
public sealed record StartedSession(string Id, SessionRecord Record);
