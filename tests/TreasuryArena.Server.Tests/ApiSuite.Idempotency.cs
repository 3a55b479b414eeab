using System.Net;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests;

public abstract partial class ApiSuite
{
    [DbFact]
    public async Task Mutation_RepeatedIdempotencyKey_ReturnsFirstResponseAndChangesNothing()
    {
        using var admin = Admin();
        var first = await Api.PostAsync(admin, "/api/admin/orgs", new { name = "Idem Church", type = "church", plan = "free" }, "create-idem-1");
        var second = await Api.PostAsync(admin, "/api/admin/orgs", new { name = "Idem Church", type = "church", plan = "free" }, "create-idem-1");
        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.Created, second.Status);
        Assert.Equal(first.Body!.ToJsonString(), second.Body!.ToJsonString());
        Assert.True(second.Response.Headers.Contains("Idempotent-Replayed"));
        var (_, list) = await Api.GetAsync(admin, "/api/admin/orgs");
        Assert.Single(list!.AsArray());
    }

    [DbFact]
    public async Task Mutation_IdempotencyKeyReusedForDifferentBody_Is422()
    {
        using var admin = Admin();
        await Api.PostAsync(admin, "/api/admin/orgs", new { name = "First", type = "church", plan = "free" }, "k-1");
        var (status, body, _) = await Api.PostAsync(admin, "/api/admin/orgs", new { name = "Second", type = "church", plan = "free" }, "k-1");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("idempotency_key_reused", body!["code"]!.GetValue<string>());
        var (_, list) = await Api.GetAsync(admin, "/api/admin/orgs");
        Assert.Single(list!.AsArray());
    }

    [DbFact]
    public async Task Mutation_ParallelRepeatsOfOneKey_CreateOnce()
    {
        using var admin = Admin();
        var tasks = Enumerable.Range(0, 10).Select(_ => Api.PostAsync(admin, "/api/admin/orgs", new { name = "Parallel", type = "church", plan = "free" }, "parallel-1"));
        var results = await Task.WhenAll(tasks);
        Assert.All(results, r => Assert.True(r.Status is HttpStatusCode.Created or HttpStatusCode.Conflict, r.Status.ToString()));
        var (_, list) = await Api.GetAsync(admin, "/api/admin/orgs");
        Assert.Single(list!.AsArray());
    }
}
