using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests;

/// <summary>The real server on Kestrel (127.0.0.1, a free port), with a real webhook receiver.</summary>
public sealed class KestrelTests
{
    [Fact]
    public async Task RealKestrel_ServesApi_AndPostsWebhookNotifications()
    {
        var received = new ConcurrentQueue<string>();
        var hookBuilder = WebApplication.CreateBuilder();
        hookBuilder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var hook = hookBuilder.Build();
        hook.MapPost("/hook", async (HttpRequest r) =>
        {
            using var reader = new StreamReader(r.Body);
            received.Enqueue(await reader.ReadToEndAsync());
            return Results.Ok();
        });
        await hook.StartAsync();
        var hookUrl = hook.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";

        await using var db = TestDatabase.Sqlite();
        await using var app = ServerApp.Build([], b =>
        {
            b.Configuration["Arena:Database"] = db.Connection;
            b.Configuration["Arena:BootstrapAdminKey"] = ArenaFactory.AdminKey;
            b.Configuration["Arena:JobsEnabled"] = "false";
            b.Configuration["Arena:WebhookUrl"] = hookUrl;
            b.Configuration["Logging:LogLevel:Default"] = "Warning";
            b.WebHost.UseUrls("http://127.0.0.1:0");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Assert.StartsWith("http://127.0.0.1:", address, StringComparison.Ordinal);

        using var http = new HttpClient { BaseAddress = new Uri(address) };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(new Uri("/api/tokens/list", UriKind.Relative))).StatusCode);

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ArenaFactory.AdminKey);
        var (created, body, _) = await Api.PostAsync(http, "/api/admin/orgs", new { name = "Kestrel Church", type = "ministry", plan = "free" });
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal("ministry", body!["type"]!.GetValue<string>());

        var (halted, _, _) = await Api.PostAsync(http, "/api/admin/halt", new { reason = "webhook check" });
        Assert.Equal(HttpStatusCode.OK, halted);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (received.IsEmpty && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
        }

        Assert.True(received.TryDequeue(out var json), "the webhook received nothing");
        var note = JsonNode.Parse(json)!;
        Assert.Equal("platform_halted", note["kind"]!.GetValue<string>());
        Assert.Equal("webhook check", note["message"]!.GetValue<string>());
        await app.StopAsync();
        await hook.StopAsync();
    }

    /// <summary>
    /// Issue 20: security headers on every response, not only the dashboard's pages (the API, its refusals, the docs, a
    /// 404), and no <c>Server: Kestrel</c> banner, on the real server.
    /// </summary>
    [Fact]
    public async Task RealKestrel_EveryResponse_HasSecurityHeaders_AndNoServerBanner()
    {
        await using var db = TestDatabase.Sqlite();
        var (app, address) = await RealServer.StartAsync(db);
        await using var running = app;
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        using var admin = new HttpClient { BaseAddress = new Uri(address) };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ArenaFactory.AdminKey);

        var cases = new (string Path, HttpClient Client, HttpStatusCode Status, string Policy)[]
        {
            ("/health", http, HttpStatusCode.OK, Http.SecurityHeaders.PagePolicy),
            ("/api/tokens/list", http, HttpStatusCode.Unauthorized, Http.SecurityHeaders.ApiPolicy),
            ("/api/tokens/list", admin, HttpStatusCode.OK, Http.SecurityHeaders.ApiPolicy),
            ("/api/tokens/NOPE/info", admin, HttpStatusCode.NotFound, Http.SecurityHeaders.ApiPolicy),
            ("/docs/index.html", http, HttpStatusCode.OK, Http.SecurityHeaders.DocsPolicy),
            ("/", http, HttpStatusCode.OK, Http.SecurityHeaders.PagePolicy),
        };
        foreach (var (path, client, status, policy) in cases)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(status, response.StatusCode);
            Assert.False(response.Headers.Contains("Server"), $"{path} sends a Server banner: {string.Join(",", response.Headers.TryGetValues("Server", out var v) ? v : [])}");
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
            Assert.Equal(policy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
            Assert.False(response.Headers.Contains("Strict-Transport-Security"), $"{path}: HSTS over plain HTTP");
        }

        await app.StopAsync();
    }

    /// <summary>
    /// Issue 20: a NUL (<c>%00</c>) in the path is refused by Kestrel's request-line parser before any application code
    /// runs (no middleware can shape that answer): a 400 whose body is empty or a problem, never exception text, and
    /// nothing is written. A NUL in the query string does reach the application and is a problem like any bad value.
    /// </summary>
    [Fact]
    public async Task RealKestrel_NulInPath_Is400WithoutExceptionText_AndNulInQueryIsAProblem()
    {
        await using var db = TestDatabase.Sqlite();
        var (app, address) = await RealServer.StartAsync(db);
        await using var running = app;
        using var admin = new HttpClient { BaseAddress = new Uri(address) };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ArenaFactory.AdminKey);

        foreach (var path in (string[])["/api/tokens/A%00B/info", "/api/admin/orgs%00", "/api/wallet/0x%00/status"])
        {
            using var response = await admin.GetAsync(new Uri(path, UriKind.Relative));
            var text = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True(text.Length == 0 || response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{path}: {text}");
            Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
            Assert.DoesNotContain("null characters", text, StringComparison.Ordinal);
        }

        using var query = await admin.GetAsync(new Uri("/api/admin/audit?limit=1%00", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, query.StatusCode);
        Assert.Equal("application/problem+json", query.Content.Headers.ContentType?.MediaType);
        Assert.Equal("invalid_limit", JsonNode.Parse(await query.Content.ReadAsStringAsync())!["code"]!.GetValue<string>());
        var (_, orgs) = await Api.GetAsync(admin, "/api/admin/orgs");
        Assert.Empty(orgs!.AsArray());
        await app.StopAsync();
    }
}
