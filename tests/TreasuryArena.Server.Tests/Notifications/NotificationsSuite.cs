using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TreasuryArena.Core.Compliance;
using TreasuryArena.Infrastructure.Notifications;
using TreasuryArena.Server.Hosting;
using TreasuryArena.Server.Jobs;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests.Notifications;

/// <summary>
/// Issue 22, notifications: an organisation's treasurer sets its recipients and event filter; each notification is
/// stored in the outbox with a delivery per channel and delivered to local listeners standing in for a webhook receiver
/// (HMAC-SHA256 signature of the raw body), the Telegram Bot API and an SMTP relay; a receiver that is down is retried
/// with exponential backoff until it is up (delivered) or the delivery expires; a delivery that failed before a real
/// restart of the host is re-sent after it. Run on SQLite and PostgreSQL.
/// </summary>
#pragma warning disable CA1001 // Disposed by xunit through IAsyncLifetime.DisposeAsync.
public abstract class NotificationsSuite : IAsyncLifetime
#pragma warning restore CA1001
{
    private const string OpsSecret = "ops-secret-☃";
    private const string OrgSecret = "org-secret";
    private const string BotToken = "123456:TEST-token";
    private static readonly string[] MisspeltKinds = ["trade_hold"];
    private static readonly string[] BadAddresses = ["not an address"];

    private HttpReceiver? _receiver;
    private SmtpListener? _smtp;
    private TestDatabase? _database;
    private ArenaFactory? _factory;

    protected abstract bool UsePostgres { get; }

    private HttpReceiver Receiver => _receiver!;

    private SmtpListener Smtp => _smtp!;

    private ArenaFactory Factory => _factory!;

    private TestDatabase Database => _database!;

    public async Task InitializeAsync()
    {
        if (UsePostgres && string.IsNullOrWhiteSpace(TestDatabase.PostgresConnectionString))
        {
            return;
        }

        _receiver = await HttpReceiver.StartAsync();
        _smtp = new SmtpListener();
        _database = await TestDatabase.CreateAsync(UsePostgres);
        _factory = new ArenaFactory(_database.Connection, new FakeClock(), new Dictionary<string, string?>
        {
            ["Arena:HoldTradesPerDayAbove"] = "100000",
            ["Notifications:DeliveryEnabled"] = "false",
            ["Notifications:WebhookUrl"] = _receiver.Address + "/hook/ops",
            ["Notifications:WebhookSecret"] = OpsSecret,
            ["Notifications:Telegram:BaseUrl"] = _receiver.Address,
            ["Notifications:Telegram:BotToken"] = BotToken,
            ["Notifications:Email:Host"] = "127.0.0.1",
            ["Notifications:Email:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Email:UseTls"] = "false",
            ["Notifications:Email:Username"] = "arena-mailer",
            ["Notifications:Email:Password"] = "mail-password",
            ["Notifications:Email:From"] = "arena@example.org",
            ["Notifications:InitialBackoff"] = "00:01:00",
            ["Notifications:MaxBackoff"] = "00:30:00",
            ["Notifications:Expiry"] = "00:05:00",
        });
        _ = _factory.Server;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        if (_receiver is not null)
        {
            await _receiver.DisposeAsync();
        }

        if (_smtp is not null)
        {
            await _smtp.DisposeAsync();
        }
    }

    [DbFact]
    public async Task OrgSettings_EachChannelDelivered_WebhookSigned_FilteredByKind()
    {
        using var admin = Factory.ClientWithKey(ArenaFactory.AdminKey);
        await Trading.CreateActiveTokenAsync(admin, "ALPHA");
        var org = await Api.OnboardAsync(Factory, "Alert Church");
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);
        using var viewer = Factory.ClientWithKey(org.ViewerKey);
        var settings = new
        {
            webhook_url = Receiver.Address + "/hook/org?token=abc",
            webhook_secret = OrgSecret,
            telegram_chat_id = "-100777",
            email_to = new[] { "board@example.org", "chair@example.org" },
            kinds = new[] { "trade_held", "trade_released" },
        };

        Assert.Equal(HttpStatusCode.Forbidden, (await PutSettingsAsync(viewer, settings)).Status);
        var (badUrl, badBody) = await PutSettingsAsync(treasurer, settings with { webhook_url = "ftp://example.org/x" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badUrl);
        Assert.Equal("invalid_notification_settings", badBody!["code"]!.GetValue<string>());
        var (badKind, kindBody) = await PutSettingsAsync(treasurer, settings with { kinds = MisspeltKinds });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badKind);
        Assert.Contains("trade_hold", kindBody!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var (badMail, _) = await PutSettingsAsync(treasurer, settings with { email_to = BadAddresses });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badMail);

        var (put, saved) = await PutSettingsAsync(treasurer, settings);
        Assert.Equal(HttpStatusCode.OK, put);
        Assert.True(saved!["webhook_signed"]!.GetValue<bool>());
        Assert.Null(saved["webhook_secret"]);
        Assert.DoesNotContain(OrgSecret, saved.ToJsonString(), StringComparison.Ordinal);
        var (_, read) = await Api.GetAsync(viewer, "/api/orgs/me/notifications/settings");
        Assert.Equal(["board@example.org", "chair@example.org"], read!["email_to"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.True(read["channels"]!["telegram"]!.GetValue<bool>());
        Assert.Contains("policy_breach", read["known_kinds"]!.AsArray().Select(k => k!.GetValue<string>()));

        var address = await Trading.CreateWalletAsync(treasurer, 100_000m);
        var (held, heldBody, _) = await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 30_000m });
        Assert.Equal(HttpStatusCode.Accepted, held);
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(admin, "/api/admin/halt", new { reason = "alert drill" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(admin, "/api/admin/resume", new { reason = "drill over" })).Status);

        // Stored before delivery: nothing has been sent yet, every delivery is pending.
        Assert.Empty(Receiver.Requests);
        var (_, pending) = await Api.GetAsync(admin, "/api/admin/notifications");
        var heldNote = pending!.AsArray().Single(n => n!["kind"]!.GetValue<string>() == "trade_held")!;
        Assert.All(heldNote["deliveries"]!.AsArray(), d => Assert.Equal("pending", d!["status"]!.GetValue<string>()));

        var pass = await DeliverAsync();
        Assert.True(pass.Failed == 0, (await Api.GetAsync(admin, "/api/admin/notifications")).Body?.ToJsonString());

        var orgHooks = Receiver.At("/hook/org");
        var orgHook = Assert.Single(orgHooks);
        Assert.Equal("trade_held", orgHook.Json["kind"]!.GetValue<string>());
        Assert.Equal(org.OrganisationId, orgHook.Json["organisation_id"]!.GetValue<string>());
        Assert.Equal(Signature(OrgSecret, orgHook.Body), orgHook.Header("X-Arena-Signature"));
        Assert.NotEqual(Signature(OpsSecret, orgHook.Body), orgHook.Header("X-Arena-Signature"));
        Assert.Equal("trade_held", orgHook.Header("X-Arena-Event"));

        var opsKinds = Receiver.At("/hook/ops").Select(r => r.Json["kind"]!.GetValue<string>()).ToList();
        Assert.Contains("trade_held", opsKinds);
        Assert.Contains("platform_halted", opsKinds);
        Assert.Contains("platform_resumed", opsKinds);
        Assert.All(Receiver.At("/hook/ops"), r => Assert.Equal(Signature(OpsSecret, r.Body), r.Header("X-Arena-Signature")));

        var telegram = Assert.Single(Receiver.At($"/bot{BotToken}/sendMessage"));
        Assert.Equal("-100777", telegram.Json["chat_id"]!.GetValue<string>());
        Assert.StartsWith("[trade_held] " + address, telegram.Json["text"]!.GetValue<string>(), StringComparison.Ordinal);

        var mail = Assert.Single(Smtp.Messages);
        Assert.Equal("arena@example.org", mail.From);
        Assert.Equal(["board@example.org", "chair@example.org"], mail.To);
        Assert.Contains("Subject: [Treasury Arena] trade_held: " + address, mail.Data.Replace("\n ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(("arena-mailer", "mail-password"), (mail.User, mail.Password));

        // Released: the organisation's filter wants it; the dashboard feed shows each of its deliveries delivered.
        var (released, _, _) = await Api.PostAsync(admin, $"/api/admin/holds/{heldBody!["hold_id"]!.GetValue<string>()}/release", new { });
        Assert.Equal(HttpStatusCode.OK, released);
        await DeliverAsync();
        Assert.Equal(["trade_held", "trade_released"], Receiver.At("/hook/org").Select(r => r.Json["kind"]!.GetValue<string>()));
        Assert.Equal(2, Smtp.Messages.Count);

        var (_, feed) = await Api.GetAsync(viewer, "/api/notifications");
        var mine = feed!.AsArray().Single(n => n!["kind"]!.GetValue<string>() == "trade_held")!;
        var deliveries = mine["deliveries"]!.AsArray();
        Assert.Equal(["email", "telegram", "webhook"], deliveries.Select(d => d!["channel"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(deliveries, d =>
        {
            Assert.Equal("delivered", d!["status"]!.GetValue<string>());
            Assert.Equal(1, d["attempts"]!.GetValue<int>());
            Assert.Equal(org.OrganisationId, d["recipient"]!.GetValue<string>());
        });
        Assert.DoesNotContain(deliveries, d => d!["target"]!.GetValue<string>().Contains("token=abc", StringComparison.Ordinal));
        var halt = feed.AsArray().Single(n => n!["kind"]!.GetValue<string>() == "platform_halted")!;
        Assert.Empty(halt["deliveries"]!.AsArray()); // the operator's deliveries are the admin's to see
    }

    [DbFact]
    public async Task ReceiverDown_RetriedWithExponentialBackoff_DeliveredWhenUp_ExpiredAfterExpiry()
    {
        using var admin = Factory.ClientWithKey(ArenaFactory.AdminKey);
        Receiver.Down = true;
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(admin, "/api/admin/halt", new { reason = "receiver down" })).Status);

        var first = await DeliverAsync();
        Assert.Equal((1, 0, 1), (first.Due, first.Delivered, first.Failed));
        var d1 = await OpsDeliveryAsync(admin, "platform_halted");
        Assert.Equal(("failed", 1, "HTTP 503 Service Unavailable"), (d1["status"]!.GetValue<string>(), d1["attempts"]!.GetValue<int>(), d1["last_error"]!.GetValue<string>()));
        Assert.Equal(Factory.Clock.GetUtcNow() + TimeSpan.FromMinutes(1), d1["next_attempt_at"]!.GetValue<DateTimeOffset>());

        Assert.Equal(0, (await DeliverAsync()).Due); // not due before its backoff
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await DeliverAsync()).Failed);
        var d2 = await OpsDeliveryAsync(admin, "platform_halted");
        Assert.Equal(2, d2["attempts"]!.GetValue<int>());
        Assert.Equal(Factory.Clock.GetUtcNow() + TimeSpan.FromMinutes(2), d2["next_attempt_at"]!.GetValue<DateTimeOffset>()); // doubled

        Receiver.Down = false;
        Factory.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, (await DeliverAsync()).Delivered);
        var d3 = await OpsDeliveryAsync(admin, "platform_halted");
        Assert.Equal(("delivered", 3), (d3["status"]!.GetValue<string>(), d3["attempts"]!.GetValue<int>()));
        Assert.Null(d3["next_attempt_at"]);
        Assert.Equal("receiver down", Assert.Single(Receiver.At("/hook/ops")).Json["message"]!.GetValue<string>());

        // Down for good: attempts at 0, +1 and +3 minutes; the next (+7) would pass the 5-minute expiry.
        Receiver.Down = true;
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(admin, "/api/admin/resume", new { reason = "never heard" })).Status);
        await DeliverAsync();
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await DeliverAsync();
        Factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var last = await DeliverAsync();
        Assert.Equal(1, last.Expired);
        var expired = await OpsDeliveryAsync(admin, "platform_resumed");
        Assert.Equal(("expired", 3), (expired["status"]!.GetValue<string>(), expired["attempts"]!.GetValue<int>()));
        Receiver.Down = false;
        Factory.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, (await DeliverAsync()).Due);
        Assert.Single(Receiver.At("/hook/ops"));
    }

    [DbFact]
    public async Task Events_HoldRejected_TokenRetired_PolicyBreach_JobFailed_AreNotified()
    {
        using var admin = Factory.ClientWithKey(ArenaFactory.AdminKey);
        await Trading.CreateActiveTokenAsync(admin, "ALPHA");
        await Trading.CreateActiveTokenAsync(admin, "BRAVO");
        var org = await Api.OnboardAsync(Factory, "Event Church");
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);
        var address = await Trading.CreateWalletAsync(treasurer, 100_000m);

        var (_, held, _) = await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 30_000m });
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(admin, $"/api/admin/holds/{held!["hold_id"]!.GetValue<string>()}/reject", new { reason = "too large" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(admin, "/api/admin/tokens/BRAVO/retire", new { reason = "strategy closed" })).Status);
        // The operator's `policy set` applies at once (a member's PUT waits for a second approval).
        var ips = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(ips, "max_token_weight: 0.05\n");
            var (setCode, _, setErr) = await InProcessArena.RunAsync(["policy", "set", "--db", Database.Connection, "--org", "Event Church", "--file", ips]);
            Assert.True(setCode == 0, setErr);
        }
        finally
        {
            File.Delete(ips);
        }

        var (refused, refusal, _) = await Api.PostAsync(treasurer, "/api/tokens/buy", new { address, symbol = "ALPHA", amount = 6_000m });
        Assert.True(refused == HttpStatusCode.UnprocessableEntity, refusal?.ToJsonString());
        Assert.Equal("policy_breach", refusal!["code"]!.GetValue<string>());

        var runner = new JobRunner([new FailingJob()], Factory.Services.GetRequiredService<Infrastructure.Platform.SqlJobRunStore>(), Factory.Clock,
            Options.Create(new ArenaServerOptions()), NullLogger<JobRunner>.Instance, Factory.Services.GetRequiredService<INotifier>());
        var outcome = await runner.RunAsync(new FailingJob(), "slot-1", "test", CancellationToken.None);
        Assert.Equal("failed", outcome.Status);

        var (_, notes) = await Api.GetAsync(admin, "/api/admin/notifications");
        var byKind = notes!.AsArray().ToLookup(n => n!["kind"]!.GetValue<string>());
        Assert.Contains("too large", byKind["trade_rejected"].Single()!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(org.OrganisationId, byKind["trade_rejected"].Single()!["organisation_id"]!.GetValue<string>());
        Assert.Equal("BRAVO", byKind["token_retired"].Single()!["subject"]!.GetValue<string>());
        Assert.Contains("max_token_weight", byKind["policy_breach"].Single()!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("disk on fire", byKind["job_failed"].Single()!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.All(byKind["job_failed"], n => Assert.Null(n!["organisation_id"]));

        // The organisation sees its own and the platform's, not another organisation's.
        using var viewer = Factory.ClientWithKey(org.ViewerKey);
        var (_, mine) = await Api.GetAsync(viewer, "/api/notifications");
        var kinds = mine!.AsArray().Select(n => n!["kind"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("policy_breach", kinds);
        Assert.Contains("token_retired", kinds);
    }

    [DbFact]
    public async Task Cli_SetsAndShowsSettings_AndDelivers_AsTheApi()
    {
        var org = await Api.OnboardAsync(Factory, "Cli Alert Church");
        var db = Database.Connection;
        var (setCode, _, setErr) = await InProcessArena.RunAsync(["notifications", "set", "--db", db, "--org", "Cli Alert Church", "--webhook-url", Receiver.Address + "/hook/cli",
            "--webhook-secret", OrgSecret, "--email", "cli@example.org", "--kinds", "platform_halted,trade_held", "--json"]);
        Assert.True(setCode == 0, setErr);
        var (badCode, _, badErr) = await InProcessArena.RunAsync(["notifications", "set", "--db", db, "--org", "Cli Alert Church", "--kinds", "nonsense"]);
        Assert.NotEqual(0, badCode);
        Assert.Contains("nonsense", badErr, StringComparison.Ordinal);

        using var viewer = Factory.ClientWithKey(org.ViewerKey);
        var (_, read) = await Api.GetAsync(viewer, "/api/orgs/me/notifications/settings");
        Assert.Equal(Receiver.Address + "/hook/cli", read!["webhook_url"]!.GetValue<string>());
        Assert.True(read["webhook_signed"]!.GetValue<bool>());
        Assert.Equal(["platform_halted", "trade_held"], read["kinds"]!.AsArray().Select(k => k!.GetValue<string>()));

        var (showCode, shown, _) = await InProcessArena.RunAsync(["notifications", "settings", "--db", db, "--org", "Cli Alert Church", "--json"]);
        Assert.Equal(0, showCode);
        Assert.Equal("cli@example.org", JsonNode.Parse(shown)!["email_to"]![0]!.GetValue<string>());

        // A stored notification is delivered by `arena notifications deliver` (one pass, no server deliverer needed).
        using var admin = Factory.ClientWithKey(ArenaFactory.AdminKey);
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(admin, "/api/admin/halt", new { reason = "cli drill" })).Status);
        // The CLI runs on the real clock, months after this host's fake one: the delivery is past its 5-minute expiry,
        // so the pass finds it due and records it expired without sending it.
        var (deliverCode, delivered, _) = await InProcessArena.RunAsync(["notifications", "deliver", "--db", db, "--json"]);
        Assert.Equal(0, deliverCode);
        Assert.Equal((1, 1, 0), (JsonNode.Parse(delivered)!["due"]!.GetValue<int>(), JsonNode.Parse(delivered)!["expired"]!.GetValue<int>(), JsonNode.Parse(delivered)!["delivered"]!.GetValue<int>()));
        Assert.Empty(Receiver.At("/hook/ops"));
        Assert.Equal("expired", (await OpsDeliveryAsync(admin, "platform_halted"))["status"]!.GetValue<string>());
    }

    [DbFact]
    public async Task DeliveryFailedBeforeARealRestart_IsResentAfterIt()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
        }

        void Configure(Microsoft.AspNetCore.Builder.WebApplicationBuilder b)
        {
            b.Configuration["Arena:Database"] = Database.Connection;
            b.Configuration["Arena:BootstrapAdminKey"] = ArenaFactory.AdminKey;
            b.Configuration["Arena:JobsEnabled"] = "false";
            b.Configuration["Logging:LogLevel:Default"] = "Warning";
            b.Configuration["Notifications:WebhookUrl"] = $"http://127.0.0.1:{port}/hook/restart";
            b.Configuration["Notifications:WebhookSecret"] = OpsSecret;
            b.Configuration["Notifications:InitialBackoff"] = "00:00:01";
            b.Configuration["Notifications:PollInterval"] = "00:00:00.200";
            b.WebHost.UseUrls("http://127.0.0.1:0");
        }

        await Factory.DisposeAsync(); // this test runs its own real servers over the same database
        _factory = null;
        var first = ServerApp.Build([], Configure);
        await first.StartAsync();
        using (var http = Client(first))
        {
            Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(http, "/api/admin/halt", new { reason = "before restart" })).Status);
            var failed = await WaitForAsync(http, d => d["attempts"]!.GetValue<int>() >= 1);
            Assert.Equal("failed", failed["status"]!.GetValue<string>());
            Assert.Contains("refused", failed["last_error"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        }

        await first.StopAsync();
        await first.DisposeAsync();

        await using var receiver = await HttpReceiver.StartAsync(port);
        var second = ServerApp.Build([], Configure);
        await second.StartAsync();
        try
        {
            using var http = Client(second);
            var delivered = await WaitForAsync(http, d => d["status"]!.GetValue<string>() == "delivered");
            Assert.True(delivered["attempts"]!.GetValue<int>() >= 2);
            var hook = Assert.Single(receiver.At("/hook/restart"));
            Assert.Equal("before restart", hook.Json["message"]!.GetValue<string>());
            Assert.Equal(Signature(OpsSecret, hook.Body), hook.Header("X-Arena-Signature"));
        }
        finally
        {
            await second.StopAsync();
            await second.DisposeAsync();
        }
    }

    private static HttpClient Client(Microsoft.AspNetCore.Builder.WebApplication app)
    {
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
            .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
        var http = new HttpClient { BaseAddress = new Uri(address) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ArenaFactory.AdminKey);
        return http;
    }

    /// <summary>Polls the admin feed (real time, up to 20 s) until the halt's operator webhook delivery matches.</summary>
    private static async Task<JsonNode> WaitForAsync(HttpClient admin, Func<JsonNode, bool> done)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        JsonNode? last = null;
        while (waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            last = await OpsDeliveryAsync(admin, "platform_halted");
            if (done(last))
            {
                return last;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"the delivery never got there: {last?.ToJsonString()}");
        return last!;
    }

    private static async Task<JsonNode> OpsDeliveryAsync(HttpClient admin, string kind)
    {
        var (status, notes) = await Api.GetAsync(admin, "/api/admin/notifications");
        Assert.Equal(HttpStatusCode.OK, status);
        var note = notes!.AsArray().First(n => n!["kind"]!.GetValue<string>() == kind)!;
        return note["deliveries"]!.AsArray().Single(d => d!["recipient"]!.GetValue<string>() == "operator" && d["channel"]!.GetValue<string>() == "webhook")!;
    }

    private Task<DeliveryPass> DeliverAsync() => Factory.Services.GetRequiredService<NotificationDeliverer>().DeliverDueAsync(CancellationToken.None);

    private static string Signature(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    private static async Task<(HttpStatusCode Status, JsonNode? Body)> PutSettingsAsync<T>(HttpClient client, T body)
    {
        using var response = await client.PutAsJsonAsync(new Uri("/api/orgs/me/notifications/settings", UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text));
    }

    private sealed class FailingJob : IScheduledJob
    {
        public string Name => "failing-job";

        public string Description => "always fails";

        public JobSchedule Schedule { get; } = JobSchedule.Daily(0, 0);

        public Task<string> RunAsync(JobContext context, CancellationToken ct) => throw new InvalidOperationException("disk on fire");
    }
}
