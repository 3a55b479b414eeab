using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TreasuryArena.Server.Http;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests;

/// <summary>
/// Issue 20: requests without a valid key are rate-limited per source before authentication and before any audit write,
/// and their refusals are summarised (one <c>auth.refused.summary</c> entry per source and window), on the real server
/// (Kestrel on 127.0.0.1). A second source is 127.0.0.2 (the client binds its socket there), so the server sees two
/// addresses. Audit rows are counted through the API of a second server started on the same database after the first
/// one stopped (the summary of the last window is written at shutdown).
/// </summary>
public abstract class AnonymousRateLimitSuite
{
    private static readonly IPAddress Flooder = IPAddress.Loopback;
    private static readonly IPAddress Other = IPAddress.Parse("127.0.0.2");

    protected abstract bool UsePostgres { get; }

    [DbFact]
    public async Task Bug_20_BadKeys_FromOneSource_Are429AfterTheBudget_AndOneSummaryEntry()
    {
        const int Requests = 40;
        const int Burst = 10;
        var settings = new Dictionary<string, string?>
        {
            ["Arena:AnonymousRateLimitPerSecond"] = "1",
            ["Arena:AnonymousRateLimitBurst"] = Burst.ToString(CultureInfo.InvariantCulture),
            ["Arena:RefusalSummarySeconds"] = "3600",
        };
        await using var db = await TestDatabase.CreateAsync(UsePostgres);
        long before;
        var statuses = new List<HttpStatusCode>();
        var authentications = new FailedAuthentications();
        var elapsed = Stopwatch.StartNew();
        await using (var server = await StartAsync(db, settings, authentications))
        {
            using var admin = Client(server.Address, Other, ArenaFactory.AdminKey);
            before = await AuditEntriesAsync(admin);
            using var flooder = Client(server.Address, Flooder, key: null);
            HttpResponseMessage? limited = null;
            for (var i = 0; i < Requests; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/api/orgs/me");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "ta_made-up-" + Guid.NewGuid().ToString("N"));
                var response = await flooder.SendAsync(request);
                statuses.Add(response.StatusCode);
                limited ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
            }

            elapsed.Stop();
            // The budget: the burst, then one a second; everything past it is 429 problem+json with Retry-After.
            Assert.All(statuses.Take(Burst), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
            Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests }));
            Assert.InRange(statuses.Count(s => s == HttpStatusCode.Unauthorized), Burst, Burst + (int)Math.Ceiling(elapsed.Elapsed.TotalSeconds) + 1);
            Assert.NotNull(limited);
            Assert.Equal("application/problem+json", limited!.Content.Headers.ContentType?.MediaType);
            Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), limited.Headers.RetryAfter?.ToString());
            var problem = JsonNode.Parse(await limited.Content.ReadAsStringAsync())!;
            Assert.Equal("rate_limited", problem["code"]!.GetValue<string>());
            Assert.Equal(429, problem["status"]!.GetValue<int>());
            // Authentication ran for the requests within the budget only: the rest were refused before it.
            Assert.Equal(statuses.Count(s => s == HttpStatusCode.Unauthorized), authentications.Count);

            // Nothing was written for the flood while the server runs (the summary waits for its window's end).
            Assert.Equal(before, await AuditEntriesAsync(admin));
            // A good key from another source is unaffected, its own bucket untouched by the flood.
            for (var i = 0; i < 5; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await Api.GetAsync(admin, "/api/admin/orgs")).Status);
            }

            await server.App.StopAsync();
        }

        await using (var again = await StartAsync(db, settings))
        {
            using var admin = Client(again.Address, Other, ArenaFactory.AdminKey);
            var added = await AuditAfterAsync(admin, before);
            var summary = Assert.Single(added);
            Assert.Equal(RefusalAuditSummary.Action, summary["action"]!.GetValue<string>());
            Assert.Equal("anonymous (127.0.0.1)", summary["actor"]!.GetValue<string>());
            Assert.Equal("refused", summary["outcome"]!.GetValue<string>());
            var detail = JsonNode.Parse(summary["detail"]!.GetValue<string>())!;
            var unauthorized = statuses.Count(s => s == HttpStatusCode.Unauthorized);
            Assert.Equal(Requests, detail["count"]!.GetValue<long>());
            Assert.Equal(unauthorized, detail["refused"]!.GetValue<long>());
            Assert.Equal(Requests - unauthorized, detail["rate_limited"]!.GetValue<long>());
            Assert.Equal(unauthorized, detail["statuses"]!["401"]!.GetValue<long>());
            Assert.Equal("/api/orgs/me", Assert.Single(detail["sample_paths"]!.AsArray())!.GetValue<string>());
            Assert.True(detail["first_at"]!.GetValue<DateTimeOffset>() <= detail["last_at"]!.GetValue<DateTimeOffset>());
            await AssertAuditVerifiesAsync(admin, db, before + 1);
            await again.App.StopAsync();
        }
    }

    [DbFact]
    public async Task Bug_20_Refusals_AreSummarisedPerWindow_RowsGrowByAtMostTheWindowsElapsed()
    {
        const int Requests = 150;
        var settings = new Dictionary<string, string?>
        {
            ["Arena:AnonymousRateLimitPerSecond"] = "100000",
            ["Arena:AnonymousRateLimitBurst"] = "100000",
            ["Arena:RefusalSummarySeconds"] = "1",
        };
        await using var db = await TestDatabase.CreateAsync(UsePostgres);
        long before;
        TimeSpan elapsed;
        await using (var server = await StartAsync(db, settings))
        {
            using var admin = Client(server.Address, Other, ArenaFactory.AdminKey);
            before = await AuditEntriesAsync(admin);
            using var flooder = Client(server.Address, Flooder, key: null);
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < Requests; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, i % 2 == 0 ? "/api/orgs/me" : "/api/tokens/list");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "ta_made-up-" + Guid.NewGuid().ToString("N"));
                Assert.Equal(HttpStatusCode.Unauthorized, (await flooder.SendAsync(request)).StatusCode);
            }

            await server.App.StopAsync();
            elapsed = clock.Elapsed;
        }

        await using (var again = await StartAsync(db, settings))
        {
            using var admin = Client(again.Address, Other, ArenaFactory.AdminKey);
            var added = await AuditAfterAsync(admin, before);
            // One entry per window at most (a window ends on each 1 s tick within the run), plus the last one at shutdown.
            Assert.InRange(added.Count, 1, (int)Math.Floor(elapsed.TotalSeconds) + 2);
            Assert.All(added, e =>
            {
                Assert.Equal(RefusalAuditSummary.Action, e["action"]!.GetValue<string>());
                Assert.Equal("127.0.0.1", e["subject"]!.GetValue<string>());
            });
            var details = added.Select(e => JsonNode.Parse(e["detail"]!.GetValue<string>())!).ToList();
            Assert.Equal(Requests, details.Sum(d => d["count"]!.GetValue<long>()));
            Assert.Equal(Requests, details.Sum(d => d["statuses"]!["401"]!.GetValue<long>()));
            Assert.All(details, d => Assert.Equal(0, d["rate_limited"]!.GetValue<long>()));
            await AssertAuditVerifiesAsync(admin, db, before + added.Count);
            await again.App.StopAsync();
        }
    }

    private static async Task<RunningServer> StartAsync(TestDatabase db, Dictionary<string, string?> settings, FailedAuthentications? authentications = null)
    {
        var app = ServerApp.Build([], b =>
        {
            if (authentications is not null)
            {
                b.Configuration["Logging:LogLevel:" + FailedAuthentications.Category] = "Information";
                b.Logging.AddProvider(authentications);
            }

            b.Configuration["Arena:Database"] = db.Connection;
            b.Configuration["Arena:BootstrapAdminKey"] = ArenaFactory.AdminKey;
            b.Configuration["Arena:JobsEnabled"] = "false";
            b.Configuration["Logging:LogLevel:Default"] = "Warning";
            foreach (var (k, v) in settings)
            {
                b.Configuration[k] = v;
            }

            b.WebHost.UseUrls("http://127.0.0.1:0");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningServer(app, new Uri(address));
    }

    /// <summary>An HTTP client whose connections leave from <paramref name="source"/> (any 127.0.0.0/8 address works on loopback).</summary>
    private static HttpClient Client(Uri server, IPAddress source, string? key)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var client = new HttpClient(handler, disposeHandler: true) { BaseAddress = server };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    private static async Task<long> AuditEntriesAsync(HttpClient admin)
    {
        var (status, body) = await Api.GetAsync(admin, "/api/admin/audit/verify");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body!["valid"]!.GetValue<bool>(), body.ToJsonString());
        return body["entries"]!.GetValue<long>();
    }

    private static async Task<List<JsonNode>> AuditAfterAsync(HttpClient admin, long after)
    {
        var (status, body) = await Api.GetAsync(admin, $"/api/admin/audit?after={after}&limit=1000");
        Assert.Equal(HttpStatusCode.OK, status);
        return [.. body!.AsArray().Select(e => e!)];
    }

    /// <summary>The chain verifies through the API and through <c>arena audit verify</c> on the same database.</summary>
    private static async Task AssertAuditVerifiesAsync(HttpClient admin, TestDatabase db, long entries)
    {
        Assert.Equal(entries, await AuditEntriesAsync(admin));
        var (code, output, err) = await InProcessArena.RunAsync(["audit", "verify", "--db", db.Connection, "--json"]);
        Assert.True(code == 0, output + err);
    }

    /// <summary>Counts the API-key handler's "not authenticated" events: how many requests authentication ran for and refused.</summary>
    private sealed class FailedAuthentications : ILoggerProvider, ILogger
    {
        public static readonly string Category = typeof(Auth.ApiKeyAuthenticationHandler).FullName!;
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public ILogger CreateLogger(string categoryName) => categoryName == Category ? this : NullLogger.Instance;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Name == "AuthenticationSchemeNotAuthenticatedWithFailure")
            {
                Interlocked.Increment(ref _count);
            }
        }

        public void Dispose()
        {
        }
    }

    private sealed record RunningServer(WebApplication App, Uri Address) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }
}
