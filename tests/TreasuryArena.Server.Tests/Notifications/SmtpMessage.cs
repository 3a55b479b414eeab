namespace TreasuryArena.Server.Tests.Notifications;

/// <summary>A message the <see cref="SmtpListener"/> accepted: envelope, raw data (headers and body) and the AUTH LOGIN credentials used.</summary>
public sealed record SmtpMessage(string From, IReadOnlyList<string> To, string Data, string? User, string? Password);
