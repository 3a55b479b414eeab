using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TreasuryArena.Server.Tests.Support;

/// <summary>Small helpers for driving the API with raw JSON (so tests see exactly the wire contract).</summary>
public static class Api
{
    public static async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> PostAsync(HttpClient client, string path, object? body, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = body is string raw ? new StringContent(raw, Encoding.UTF8, "application/json") : JsonContent.Create(body),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        var response = await client.SendAsync(request);
        return (response.StatusCode, await ReadAsync(response), response);
    }

    public static async Task<(HttpStatusCode Status, JsonNode? Body)> GetAsync(HttpClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await ReadAsync(response));
    }

    private static async Task<JsonNode?> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    /// <summary>An onboarded organisation: created, verified, disclosure published and attested.</summary>
    /// <remarks>
    /// The plan defaults to premium (every wallet mode, no token limit): the API enforces the plan on wallet creation, mode
    /// changes and buys, and the suites create MANUAL, HYBRID and FULL_AI wallets. Plan limits have their own tests.
    /// </remarks>
    public sealed record Onboarded(string OrganisationId, string TreasurerKey, string ViewerKey);

    public static async Task<string> CreateOrganisationAsync(HttpClient admin, string name, string type = "church", string plan = "basic")
    {
        var (status, body, _) = await PostAsync(admin, "/api/admin/orgs", new { name, type, plan });
        Assert.Equal(HttpStatusCode.Created, status);
        return body!["id"]!.GetValue<string>();
    }

    public static async Task<string> IssueKeyAsync(HttpClient admin, string orgId, string member, string role)
    {
        var (status, body, _) = await PostAsync(admin, $"/api/admin/orgs/{orgId}/keys", new { member, role });
        Assert.Equal(HttpStatusCode.Created, status);
        return body!["key"]!.GetValue<string>();
    }

    public static async Task EnsureDisclosureAsync(HttpClient admin, string version)
    {
        var (status, _, _) = await PostAsync(admin, "/api/admin/disclosures", new { version, text = "Strategy tokens can lose value. Version " + version });
        Assert.True(status is HttpStatusCode.Created or HttpStatusCode.Conflict, $"publish disclosure answered {status}");
    }

    public static async Task<Onboarded> OnboardAsync(ArenaFactory factory, string name, string plan = "premium")
    {
        ArgumentNullException.ThrowIfNull(factory);
        using var admin = factory.ClientWithKey(ArenaFactory.AdminKey);
        var orgId = await CreateOrganisationAsync(admin, name, plan: plan);
        var (verified, _, _) = await PostAsync(admin, $"/api/admin/orgs/{orgId}/verify", new { entity_type = "501(c)(3) church", registration = "EIN 12-3456789", reviewer = "compliance officer" });
        Assert.Equal(HttpStatusCode.OK, verified);
        await EnsureDisclosureAsync(admin, "v1");
        var treasurer = await IssueKeyAsync(admin, orgId, name + " treasurer", "treasurer");
        var viewer = await IssueKeyAsync(admin, orgId, name + " viewer", "viewer");
        using var t = factory.ClientWithKey(treasurer);
        var (attested, _, _) = await PostAsync(t, "/api/orgs/attest", new { document_version = "v1", signer = "Jane Treasurer" });
        Assert.Equal(HttpStatusCode.Created, attested);
        return new Onboarded(orgId, treasurer, viewer);
    }
}
