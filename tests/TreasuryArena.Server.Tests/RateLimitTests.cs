using System.Net;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests;

/// <summary>Rate limiting per key: a key over its budget gets 429 with Retry-After; another key is unaffected.</summary>
public sealed class RateLimitTests : ServerTestBase
{
    protected override bool UsePostgres => false;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Arena:RateLimitPerSecond"] = "1",
        ["Arena:RateLimitBurst"] = "5",
    };

    [DbFact]
    public async Task Requests_OverTheKeysBudget_Are429WithRetryAfter()
    {
        using var admin = Admin();
        var (created, issued, _) = await Api.PostAsync(admin, "/api/admin/keys", new { member = "second admin", role = "admin" });
        Assert.True(created == HttpStatusCode.Created, issued?.ToJsonString());
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 12; i++)
        {
            var response = await admin.GetAsync(new Uri("/api/admin/orgs", UriKind.Relative));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
        }

        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.NotNull(limited);
        Assert.True(limited!.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));

        // Another key has a bucket of its own: its whole burst passes right after the first key ran dry.
        using var other = Factory.ClientWithKey(issued?["key"]?.GetValue<string>());
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await other.GetAsync(new Uri("/api/admin/orgs", UriKind.Relative))).StatusCode);
        }
    }
}
