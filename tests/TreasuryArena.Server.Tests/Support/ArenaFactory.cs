using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace TreasuryArena.Server.Tests.Support;

/// <summary>The real server pipeline over a throw-away database, a fake clock and a known bootstrap admin key.</summary>
public sealed class ArenaFactory(string database, FakeClock clock, IDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public const string AdminKey = "ta_test-bootstrap-admin-key-0123456789";

    public FakeClock Clock { get; } = clock;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Arena:Database", database);
        builder.UseSetting("Arena:BootstrapAdminKey", AdminKey);
        builder.UseSetting("Arena:RateLimitPerSecond", "100000");
        builder.UseSetting("Arena:RateLimitBurst", "100000");
        // Every in-memory test request comes from the same (unknown) address.
        builder.UseSetting("Arena:AnonymousRateLimitPerSecond", "100000");
        builder.UseSetting("Arena:AnonymousRateLimitBurst", "100000");
        // Anonymous refusal summaries are written when a test flushes them (or at shutdown), never by the timer mid-test.
        builder.UseSetting("Arena:RefusalSummarySeconds", "86400");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        var all = new Dictionary<string, string?> { ["Arena:JobsEnabled"] = "false" };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            all[k] = v;
        }

        foreach (var (k, v) in all)
        {
            builder.UseSetting(k, v);
        }

        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    public HttpClient ClientWithKey(string? key)
    {
        var client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }
}
