using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TreasuryArena.Core.Application;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Notifications;
using TreasuryArena.Infrastructure.Configuration;
using TreasuryArena.Infrastructure.Notifications;
using TreasuryArena.Server.Auth;
using TreasuryArena.Server.Contracts;

namespace TreasuryArena.Server.Endpoints;

/// <summary>
/// An organisation's notification recipients and event filter (<c>GET/PUT /api/orgs/me/notifications/settings</c>,
/// through <see cref="NotificationSettingsUseCases"/>), and the notification feeds with each delivery's state
/// (<c>GET /api/notifications</c> for a member, <c>GET /api/admin/notifications</c> for the admin).
/// </summary>
public static class NotificationEndpoints
{
    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/orgs/me/notifications").WithTags("Notifications").RequireAuthorization(ApiKeyDefaults.MemberPolicy);
        group.MapGet("/settings", GetSettings);
        group.MapPut("/settings", PutSettings).RequireAuthorization(ApiKeyDefaults.TreasurerPolicy);
        return app;
    }

    public static async Task<Ok<NotificationSettingsResponse>> GetSettings(HttpContext http, NotificationSettingsUseCases settings, IOptions<NotificationsOptions> options)
    {
        var caller = http.Caller();
        var org = caller.OrganisationId ?? throw new DomainException(Outcome.OrganisationRequired, "notification settings belong to an organisation: sign in with its member's key");
        return TypedResults.Ok(NotificationSettingsResponse.From(await settings.GetAsync(caller, org, http.RequestAborted), Channels(options.Value)));
    }

    public static async Task<Ok<NotificationSettingsResponse>> PutSettings(NotificationSettingsRequest request, HttpContext http, NotificationSettingsUseCases settings, IOptions<NotificationsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(request);
        var caller = http.Caller();
        var org = caller.OrganisationId ?? throw new DomainException(Outcome.OrganisationRequired, "notification settings belong to an organisation: sign in with its treasurer's key");
        var saved = await settings.SetAsync(caller, org, new NotificationSettingsChange(request.WebhookUrl, request.WebhookSecret, request.TelegramChatId, request.EmailTo, request.Kinds), http.RequestAborted);
        return TypedResults.Ok(NotificationSettingsResponse.From(saved, Channels(options.Value)));
    }

    /// <summary>The latest notifications with their deliveries: an organisation's and the platform's (<paramref name="organisationId"/>), or every one (null).</summary>
    public static async Task<List<NotificationResponse>> ListAsync(SqlNotificationOutbox outbox, Guid? organisationId, int limit, CancellationToken ct) =>
        (await outbox.ListAsync(organisationId, limit, ct)).Select(NotificationResponse.From).ToList();

    /// <summary>Which channels an organisation's recipients can be reached on.</summary>
    public static Dictionary<string, bool> Channels(NotificationsOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new(StringComparer.Ordinal)
        {
            [NotificationChannels.Webhook] = true,
            [NotificationChannels.Telegram] = !string.IsNullOrWhiteSpace(o.Telegram.BotToken),
            [NotificationChannels.Email] = !string.IsNullOrWhiteSpace(o.Email.Host),
        };
    }
}
