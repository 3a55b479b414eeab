using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using TreasuryArena.Core.Identity;
using TreasuryArena.Infrastructure.Platform;
using TreasuryArena.Infrastructure.Storage;
using TreasuryArena.Server.Auth;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests;

/// <summary>The dashboard's server-side sessions (issue 20): cookie, logout, revocation, timeouts, the stored hash.</summary>
public abstract partial class ApiSuite
{
    [DbFact]
    public async Task Session_OverHttps_IsHostPrefixedSecureHttpOnlyStrictCookie_StoredOnlyAsItsHash()
    {
        using var https = Browserless(https: true);
        var (cookie, setCookie) = await SignInAsync(https, ArenaFactory.AdminKey);

        Assert.StartsWith(SessionCookie.HostName + "=", setCookie, StringComparison.Ordinal);
        var attributes = setCookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=strict", attributes);
        Assert.Contains("path=/", attributes);
        Assert.DoesNotContain(attributes, a => a.StartsWith("domain", StringComparison.Ordinal));
        var id = cookie.Split('=', 2)[1];
        Assert.True(id.Length >= 22, "at least 128 bits of randomness");
        Assert.DoesNotContain(ArenaFactory.AdminKey, id, StringComparison.Ordinal);

        var rows = await SessionRowsAsync();
        var row = Assert.Single(rows);
        Assert.Equal(SessionService.Hash(id), row["id_hash"]);
        Assert.DoesNotContain(rows.SelectMany(r => r.Values), v => v?.ToString()?.Contains(id, StringComparison.Ordinal) == true);
        Assert.Null(row["ended_at"]);

        // The cookie authenticates as the admin key; an unsafe method needs the dashboard header (CSRF guard).
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(https, HttpMethod.Get, "/api/admin/orgs", cookie)).StatusCode);
        var (_, me) = await ReadAsync(await SendAsync(https, HttpMethod.Get, "/api/session", cookie));
        Assert.Equal("admin", me!["role"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(https, HttpMethod.Post, "/api/admin/orgs", cookie, new { name = "Forged Church", type = "church", plan = "free" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(https, HttpMethod.Post, "/api/admin/orgs", cookie, new { name = "Real Church", type = "church", plan = "free" }, dashboard: true)).StatusCode);
    }

    [DbFact]
    public async Task Session_NamesTheCallersOrganisation_AndNoneForTheOperator()
    {
        var org = await Api.OnboardAsync(Factory, "Session Name Church");
        using var treasurer = Factory.ClientWithKey(org.TreasurerKey);
        var (status, me) = await Api.GetAsync(treasurer, "/api/session");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("treasurer", me!["role"]!.GetValue<string>());
        Assert.Equal("Session Name Church", me["organization"]!.GetValue<string>());
        Assert.Equal(org.OrganisationId, me["organization_id"]!.GetValue<string>());

        using var admin = Admin();
        var (_, operatorSession) = await Api.GetAsync(admin, "/api/session");
        Assert.Null(operatorSession!["organization"]);
    }

    [DbFact]
    public async Task Session_OverPlainHttp_IsUnprefixedAndNotSecure_AndAnUnprefixedCookieIsIgnoredOverHttps()
    {
        using var http = Browserless(https: false);
        var (cookie, setCookie) = await SignInAsync(http, ArenaFactory.AdminKey);
        Assert.StartsWith(SessionCookie.PlainName + "=", setCookie, StringComparison.Ordinal);
        Assert.DoesNotContain("secure", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(http, HttpMethod.Get, "/api/admin/orgs", cookie)).StatusCode);

        // Over HTTPS only the __Host- cookie counts: the same session id under the plain name (which a sibling host could plant) is no session.
        using var https = Browserless(https: true);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(https, HttpMethod.Get, "/api/admin/orgs", cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(https, HttpMethod.Get, "/api/admin/orgs", SessionCookie.HostName + "=" + cookie.Split('=', 2)[1])).StatusCode);
    }

    [DbFact]
    public async Task Logout_EndsTheSessionOnTheServer_TheOldCookieValueIs401()
    {
        using var https = Browserless(https: true);
        var (cookie, _) = await SignInAsync(https, ArenaFactory.AdminKey);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(https, HttpMethod.Get, "/api/admin/orgs", cookie)).StatusCode);

        using var logout = await SendAsync(https, HttpMethod.Delete, "/api/session", cookie);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Contains(logout.Headers.GetValues("Set-Cookie"), c => c.StartsWith(SessionCookie.HostName + "=;", StringComparison.Ordinal));

        // The browser forgot the cookie; whoever kept its value gets nothing, at once, on every route.
        for (var i = 0; i < 5; i++)
        {
            var (status, problem) = await ReadAsync(await SendAsync(https, HttpMethod.Get, "/api/admin/orgs", cookie));
            Assert.Equal(HttpStatusCode.Unauthorized, status);
            Assert.Equal(401, problem!["status"]!.GetValue<int>());
            Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(https, HttpMethod.Get, "/api/session", cookie)).StatusCode);
        }

        var row = Assert.Single(await SessionRowsAsync());
        Assert.Equal(SessionEndReason.Logout, row["end_reason"]);
        Assert.NotNull(row["ended_at"]);
    }

    [DbFact]
    public async Task RevokingTheKey_ThroughTheApi_EndsItsSessionsAtOnce()
    {
        using var admin = Admin();
        var org = await Api.CreateOrganisationAsync(admin, "Session Revoke Church");
        var (_, issued, _) = await Api.PostAsync(admin, $"/api/admin/orgs/{org}/keys", new { member = "dora", role = "viewer" });
        using var https = Browserless(https: true);
        var (cookie, _) = await SignInAsync(https, issued!["key"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(https, HttpMethod.Get, "/api/orgs/me", cookie)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Api.PostAsync(admin, $"/api/admin/keys/{issued["id"]!.GetValue<string>()}/revoke", new { })).Status);

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(https, HttpMethod.Get, "/api/orgs/me", cookie)).StatusCode);
        Assert.Equal(SessionEndReason.Revoked, Assert.Single(await SessionRowsAsync())["end_reason"]);
    }

    [DbFact]
    public async Task RevokingTheKey_WithTheCli_EndsItsSessions_HereWithinTheCacheTtl()
    {
        using var admin = Admin();
        var org = await Api.CreateOrganisationAsync(admin, "Session Cli Church");
        var (_, issued, _) = await Api.PostAsync(admin, $"/api/admin/orgs/{org}/keys", new { member = "eve", role = "treasurer" });
        using var https = Browserless(https: true);
        var (cookie, _) = await SignInAsync(https, issued!["key"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(https, HttpMethod.Get, "/api/orgs/me", cookie)).StatusCode);

        var (code, _, err) = await InProcessArena.RunAsync(["keys", "revoke", issued["id"]!.GetValue<string>(), "--db", Database.Connection]);
        Assert.True(code == 0, err);
        Assert.Equal(SessionEndReason.Revoked, Assert.Single(await SessionRowsAsync())["end_reason"]);

        Factory.Clock.Advance(SessionCache.Ttl);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(https, HttpMethod.Get, "/api/orgs/me", cookie)).StatusCode);
    }

    [DbFact]
    public async Task Session_IdleTimeout_EndsIt_WhileUseKeepsItAlive()
    {
        var idle = new SessionTimeoutOptions().IdleTimeout;
        using var https = Browserless(https: true);
        var (cookie, _) = await SignInAsync(https, ArenaFactory.AdminKey);
        for (var i = 0; i < 3; i++)
        {
            Factory.Clock.Advance(idle - TimeSpan.FromMinutes(1));
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(https, HttpMethod.Get, "/api/admin/orgs", cookie)).StatusCode);
        }

        Assert.True(await LastUsedAsync() >= Factory.Clock.GetUtcNow() - SessionService.TouchInterval, "last use was written (at most once a minute)");
        Factory.Clock.Advance(idle);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(https, HttpMethod.Get, "/api/admin/orgs", cookie)).StatusCode);
        Assert.Equal(SessionEndReason.Idle, Assert.Single(await SessionRowsAsync())["end_reason"]);
        Factory.Clock.Advance(SessionCache.Ttl);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(https, HttpMethod.Get, "/api/admin/orgs", cookie)).StatusCode);
    }

    [DbFact]
    public async Task Session_AbsoluteTimeout_EndsItEvenInUse_AndExpiredRowsAreSweptAtTheNextSignIn()
    {
        var timeouts = new SessionTimeoutOptions();
        using var https = Browserless(https: true);
        var (cookie, _) = await SignInAsync(https, ArenaFactory.AdminKey);
        var step = timeouts.IdleTimeout / 2;
        var used = TimeSpan.Zero;
        while (used + step < timeouts.AbsoluteTimeout)
        {
            Factory.Clock.Advance(step);
            used += step;
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(https, HttpMethod.Get, "/api/admin/orgs", cookie)).StatusCode);
        }

        Factory.Clock.Advance(timeouts.AbsoluteTimeout - used);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(https, HttpMethod.Get, "/api/admin/orgs", cookie)).StatusCode);
        Assert.Equal(SessionEndReason.Absolute, Assert.Single(await SessionRowsAsync())["end_reason"]);

        var (fresh, _) = await SignInAsync(https, ArenaFactory.AdminKey);
        var row = Assert.Single(await SessionRowsAsync());
        Assert.Equal(SessionService.Hash(fresh.Split('=', 2)[1]), row["id_hash"]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(https, HttpMethod.Get, "/api/admin/orgs", cookie)).StatusCode);
    }

    [DbFact]
    public async Task SignIn_UnknownOrRevokedKey_Is401AndStartsNoSession()
    {
        using var https = Browserless(https: true);
        using var response = await https.PostAsJsonAsync(new Uri("/api/session", UriKind.Relative), new { key = "ta_not-a-real-key-at-all-000000000000" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Empty(await SessionRowsAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(https, HttpMethod.Get, "/api/admin/orgs", SessionCookie.HostName + "=made-up-session-id")).StatusCode);
    }

    private HttpClient Browserless(bool https) =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(https ? "https://localhost" : "http://localhost"), HandleCookies = false });

    /// <summary>Signs in; returns the <c>name=value</c> to send back and the whole Set-Cookie header.</summary>
    private static async Task<(string Cookie, string SetCookie)> SignInAsync(HttpClient client, string key)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/api/session", UriKind.Relative), new { key });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        return (setCookie.Split(';')[0], setCookie);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string cookie, object? body = null, bool dashboard = false)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        if (dashboard)
        {
            request.Headers.Add(SessionCookie.DashboardHeader, "1");
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await client.SendAsync(request);
    }

    private static async Task<(HttpStatusCode Status, System.Text.Json.Nodes.JsonNode? Body)> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, string.IsNullOrWhiteSpace(text) ? null : System.Text.Json.Nodes.JsonNode.Parse(text));
        }
    }

    /// <summary>The sessions table as stored, read on its own connection.</summary>
    private async Task<List<Dictionary<string, object?>>> SessionRowsAsync()
    {
        var database = await ArenaDatabase.OpenAsync(Database.Connection, TimeProvider.System);
        await using var c = await new PlatformDatabase(database).OpenAsync(CancellationToken.None);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT id_hash, key_id, member_id, organisation_id, created_at, last_used_at, expires_at, ended_at, end_reason FROM sessions";
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
        }

        return rows;
    }

    private async Task<DateTimeOffset> LastUsedAsync() =>
        new(Convert.ToInt64(Assert.Single(await SessionRowsAsync())["last_used_at"], System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Zero);
}
