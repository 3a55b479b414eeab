using System.CommandLine;
using TreasuryArena.Core.Application;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Notifications;
using TreasuryArena.Infrastructure.Notifications;
using TreasuryArena.Infrastructure.Platform;
using TreasuryArena.Server.Contracts;

namespace TreasuryArena.Cli;

/// <summary>
/// <c>arena notifications [--org NAME] | settings --org NAME | set --org NAME [--webhook-url …] | deliver | kinds</c>:
/// the notification feed with each delivery's state, an organisation's recipients and event filter through the same
/// <see cref="NotificationSettingsUseCases"/> as <c>/api/orgs/me/notifications/settings</c> (the operator acts for any
/// organisation; an <c>--as-key</c> treasurer for its own), one pass of the outbox deliverer (what the server does in the
/// background) and the list of kinds.
/// </summary>
internal static partial class CliCommands
{
    static partial void AddNotifications(RootCommand root)
    {
        var db = CliDatabase.ExistingOption();
        var org = NotificationsOrgOption();
        var limit = new Option<int>("--limit") { Description = "How many notifications, newest first (1–1000, default 50)", DefaultValueFactory = _ => 50 };
        var json = AdminJsonOption();
        var cmd = new Command("notifications", "Notifications with each delivery's state (webhook, telegram, email): pending, failed, delivered or expired; `notifications settings|set|deliver|kinds`");
        foreach (var o in new Option[] { db, org, limit, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) =>
        {
            var n = parse.GetValue(limit);
            if (n is < 1 or > 1000)
            {
                throw new CliException($"--limit {n}: expected 1 to 1000");
            }

            await using var host = await CliHost.OpenAsync(parse.GetValue(db), ct);
            var organisation = await NotificationsOrganisationAsync(host, parse.GetValue(org), required: false, ct);
            var list = (await host.Get<SqlNotificationOutbox>().ListAsync(organisation, n, ct)).Select(NotificationResponse.From).ToList();
            if (parse.GetValue(json) || Console.IsOutputRedirected)
            {
                CliJson.Write(list);
                return 0;
            }

            foreach (var x in list)
            {
                Console.WriteLine(Inv($"{x.At:yyyy-MM-dd HH:mm}Z {x.Kind} {FreeText.ForDisplay(x.Subject)}: {FreeText.ForDisplay(x.Message)}"));
                foreach (var d in x.Deliveries)
                {
                    var when = d.Status == DeliveryStatus.Delivered ? Inv($" at {d.DeliveredAt:yyyy-MM-dd HH:mm:ss}Z") : d.NextAttemptAt is { } next ? Inv($", next attempt {next:yyyy-MM-dd HH:mm:ss}Z") : "";
                    Console.WriteLine(Inv($"    {d.Channel} → {FreeText.ForDisplay(d.Target)} ({d.Recipient}): {d.Status} after {d.Attempts} attempts{when}{(d.LastError is null ? "" : " — " + FreeText.ForDisplay(d.LastError))}"));
                }
            }

            Console.WriteLine(Inv($"{list.Count} notifications"));
            return 0;
        });
        cmd.Subcommands.Add(NotificationSettingsCommand());
        cmd.Subcommands.Add(NotificationSetCommand());
        cmd.Subcommands.Add(NotificationDeliverCommand());
        cmd.Subcommands.Add(NotificationKindsCommand());
        root.Subcommands.Add(cmd);
    }

    private static Option<string?> NotificationsOrgOption() =>
        new("--org") { Description = "Organisation name (default: the --as-key member's own; the operator without --org: every notification)" };

    private static async Task<Guid?> NotificationsOrganisationAsync(CliServices host, string? name, bool required, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(name))
        {
            var o = await host.Get<SqlIdentityStore>().FindOrganisationByNameAsync(name, ct) ?? throw new CliException($"no organisation named '{FreeText.ForDisplay(name)}'", Outcome.OrganisationNotFound);
            return o.Id;
        }

        return PlatformCli.Operator.OrganisationId ?? (required ? throw new CliException("--org NAME is required for the operator", Outcome.OrganisationRequired) : null);
    }

    private static Command NotificationSettingsCommand()
    {
        var db = CliDatabase.ExistingOption();
        var org = NotificationsOrgOption();
        var json = AdminJsonOption();
        var cmd = new Command("settings", "An organisation's notification recipients (webhook, Telegram chat, e-mail) and event filter");
        foreach (var o in new Option[] { db, org, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) =>
        {
            await using var host = await CliHost.OpenAsync(parse.GetValue(db), ct);
            var organisation = (await NotificationsOrganisationAsync(host, parse.GetValue(org), required: true, ct))!.Value;
            var s = await AdminGuard(() => host.Get<NotificationSettingsUseCases>().GetAsync(PlatformCli.Operator, organisation, ct));
            PrintNotificationSettings(host, s, parse.GetValue(json));
            return 0;
        });
        return cmd;
    }

    private static Command NotificationSetCommand()
    {
        var db = CliDatabase.Option();
        var org = NotificationsOrgOption();
        var url = new Option<string?>("--webhook-url") { Description = "The organisation's webhook (absolute http/https URL; \"\" clears it)" };
        var secret = new Option<string?>("--webhook-secret") { Description = "Its HMAC-SHA256 signing secret (X-Arena-Signature: sha256=<hex>; \"\" clears it)" };
        var chat = new Option<string?>("--telegram-chat") { Description = "A Telegram chat id of the platform's bot (\"\" clears it)" };
        var email = new Option<string?>("--email") { Description = "E-mail recipients, comma-separated (\"\" clears them)" };
        var kinds = new Option<string?>("--kinds") { Description = "Event kinds wanted, comma-separated (\"\" or \"all\": every kind; see `arena notifications kinds`)" };
        var json = AdminJsonOption();
        var cmd = new Command("set", "Change an organisation's notification recipients and filter (options not given keep their values), audited notifications.settings");
        foreach (var o in new Option[] { db, org, url, secret, chat, email, kinds, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) =>
        {
            await using var host = await CliHost.OpenAsync(parse.GetValue(db), ct);
            var organisation = (await NotificationsOrganisationAsync(host, parse.GetValue(org), required: true, ct))!.Value;
            var useCases = host.Get<NotificationSettingsUseCases>();
            var current = await AdminGuard(() => useCases.GetAsync(PlatformCli.Operator, organisation, ct));
            static List<string> Split(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            var kindList = parse.GetValue(kinds) is { } k ? (string.Equals(k.Trim(), "all", StringComparison.OrdinalIgnoreCase) ? [] : Split(k)) : current.Kinds.ToList();
            var change = new NotificationSettingsChange(
                parse.GetValue(url) ?? current.WebhookUrl,
                parse.GetValue(secret),
                parse.GetValue(chat) ?? current.TelegramChatId,
                parse.GetValue(email) is { } e ? Split(e) : current.EmailTo,
                kindList);
            var saved = await AdminGuard(() => useCases.SetAsync(PlatformCli.Operator, organisation, change, ct));
            PrintNotificationSettings(host, saved, parse.GetValue(json));
            return 0;
        });
        return cmd;
    }

    private static Command NotificationDeliverCommand()
    {
        var db = CliDatabase.ExistingOption();
        var json = AdminJsonOption();
        var cmd = new Command("deliver", "One pass of the outbox deliverer: attempt every due delivery now (the server does this in the background)");
        cmd.Options.Add(db);
        cmd.Options.Add(json);
        cmd.SetAction(async (parse, ct) =>
        {
            await using var host = await CliHost.OpenAsync(parse.GetValue(db), ct);
            var pass = await host.Get<NotificationDeliverer>().DeliverDueAsync(ct);
            AdminPrint(parse.GetValue(json), new { due = pass.Due, delivered = pass.Delivered, failed = pass.Failed, expired = pass.Expired },
                Inv($"{pass.Due} due: {pass.Delivered} delivered, {pass.Failed} failed (retried later), {pass.Expired} expired"));
            return 0;
        });
        return cmd;
    }

    private static Command NotificationKindsCommand()
    {
        var json = AdminJsonOption();
        var cmd = new Command("kinds", "Every notification kind an event filter may name");
        cmd.Options.Add(json);
        cmd.SetAction(parse =>
        {
            AdminPrint(parse.GetValue(json), NotificationKinds.All, string.Join('\n', NotificationKinds.All));
            return 0;
        });
        return cmd;
    }

    private static void PrintNotificationSettings(CliServices host, NotificationSettings s, bool json)
    {
        var options = host.Get<Microsoft.Extensions.Options.IOptions<Infrastructure.Configuration.NotificationsOptions>>().Value;
        var response = NotificationSettingsResponse.From(s, Server.Endpoints.NotificationEndpoints.Channels(options));
        AdminPrint(json, response, string.Join('\n',
            $"webhook:  {(s.WebhookUrl is null ? "—" : FreeText.ForDisplay(s.WebhookUrl) + (s.WebhookSecret is null ? " (unsigned)" : " (signed)"))}",
            $"telegram: {(s.TelegramChatId is null ? "—" : s.TelegramChatId + (response.Channels[NotificationChannels.Telegram] ? "" : " (no bot token configured: not sent)"))}",
            $"email:    {(s.EmailTo.Count == 0 ? "—" : string.Join(", ", s.EmailTo) + (response.Channels[NotificationChannels.Email] ? "" : " (no SMTP host configured: not sent)"))}",
            $"kinds:    {(s.Kinds.Count == 0 ? "every kind" : string.Join(", ", s.Kinds))}"));
    }
}
