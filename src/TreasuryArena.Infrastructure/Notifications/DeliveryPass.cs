namespace TreasuryArena.Infrastructure.Notifications;

/// <summary>What one pass of the deliverer did: deliveries found due, and how many were delivered, failed (to retry) and expired.</summary>
public sealed record DeliveryPass(int Due, int Delivered, int Failed, int Expired);
