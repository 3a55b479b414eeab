using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests.Notifications;

/// <summary>Notifications on PostgreSQL (ARENA_TEST_POSTGRES).</summary>
public sealed class NotificationsPostgresTests : NotificationsSuite, IRequiresPostgres
{
    protected override bool UsePostgres => true;
}
