using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TreasuryArena.Server.Hosting;
using TreasuryArena.Server.Auth;
using TreasuryArena.Server.Tests.Browser;

namespace TreasuryArena.Server.Tests;

/// <summary>
/// The session cookie behind a TLS-terminating proxy, on real Kestrel (127.0.0.1): <c>X-Forwarded-Proto: https</c> makes
/// the cookie <c>__Host-</c> and <c>Secure</c> only when it comes from a configured proxy (<c>Http:KnownProxies</c>).
/// </summary>
public sealed class SessionProxyTests
{
    [Fact]
    public async Task ForwardedHttps_FromAConfiguredProxy_GivesAHostPrefixedSecureCookie()
    {
        await using var server = await DashboardServer.StartAsync("--Http:KnownProxies:0=127.0.0.1");
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = server.Address };

        using var signIn = await SignInAsync(http, forwardedHttps: true);
        var setCookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(SessionCookie.HostName + "=", setCookie, StringComparison.Ordinal);
        Assert.Contains("; secure", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.True(signIn.Headers.Contains("Strict-Transport-Security"), "the request counts as HTTPS");

        using var me = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/session", UriKind.Relative));
        me.Headers.Add("Cookie", setCookie.Split(';')[0]);
        me.Headers.Add("X-Forwarded-Proto", "https");
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(me)).StatusCode);
    }

    [Fact]
    public async Task DataProtection_KeyRing_StaysInMemory_NotInTheUsersHome()
    {
        await using var server = await DashboardServer.StartAsync();
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = server.Address };
        using var signIn = await SignInAsync(http, forwardedHttps: false);

        var options = server.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value;
        Assert.IsType<InMemoryXmlRepository>(options.XmlRepository);
        Assert.NotEmpty(options.XmlRepository.GetAllElements()); // the key ASP.NET made at start went here, not to disk
    }

    [Theory]
    [InlineData(null)]
    [InlineData("10.1.2.3")]
    public async Task ForwardedHttps_FromAnUnconfiguredAddress_IsIgnored(string? proxy)
    {
        await using var server = await DashboardServer.StartAsync(proxy is null ? [] : ["--Http:KnownProxies:0=" + proxy]);
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = server.Address };

        using var signIn = await SignInAsync(http, forwardedHttps: true);
        var setCookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(SessionCookie.PlainName + "=", setCookie, StringComparison.Ordinal);
        Assert.DoesNotContain("secure", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.False(signIn.Headers.Contains("Strict-Transport-Security"), "a client cannot claim HTTPS");
    }

    [Theory]
    [InlineData("--Http:KnownProxies:0=not-an-address", "Http:KnownProxies:0")]
    [InlineData("--Http:KnownNetworks:0=10.0.0.0/99", "Http:KnownNetworks:0")]
    [InlineData("--Sessions:IdleTimeout=00:00:30", "Sessions:IdleTimeout")]
    [InlineData("--Sessions:AbsoluteTimeout=00:10:00", "Sessions:IdleTimeout")]
    public async Task BadProxyOrTimeoutSetting_StopsTheServerNamingTheKey(string setting, string key)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var server = await DashboardServer.StartAsync(setting);
        });
        Assert.Contains(key, failure.Message, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient http, bool forwardedHttps)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/session", UriKind.Relative))
        {
            Content = JsonContent.Create(new { key = DashboardServer.AdminKey }),
        };
        if (forwardedHttps)
        {
            request.Headers.Add("X-Forwarded-Proto", "https");
        }

        var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }
}
