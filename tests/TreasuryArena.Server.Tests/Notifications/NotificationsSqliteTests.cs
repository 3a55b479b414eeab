namespace TreasuryArena.Server.Tests.Notifications;

/// <summary>Notifications on SQLite.</summary>
public sealed class NotificationsSqliteTests : NotificationsSuite
{
    protected override bool UsePostgres => false;
}
