namespace TreasuryArena.Infrastructure.Notifications;

/// <summary>Where one delivery of a notification goes: the recipient (<c>operator</c> or an organisation id), the channel and its target.</summary>
public sealed record DeliveryRoute(string Recipient, string Channel, string Target);
