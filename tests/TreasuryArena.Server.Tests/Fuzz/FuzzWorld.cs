using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests.Fuzz;

/// <summary>
/// The ids the fuzzer aims at: organisations A and B onboarded (a treasurer and a viewer each), an unverified
/// organisation C, spare keys to revoke, two active tokens and one proving, wallets of every mode in A and one in B,
/// held trades and the jobs. Placeholders (<c>{wallet:own:7}</c>) resolve against these lists as they are when the step
/// runs; ids created by successful requests (wallets, organisations, keys, tokens, holds, proposals) join them.
/// </summary>
public sealed partial class FuzzWorld
{
    private readonly Dictionary<string, List<string>> _ids = new(StringComparer.Ordinal);

    private FuzzWorld(Api.Onboarded a, Api.Onboarded b)
    {
        A = a;
        B = b;
    }

    public Api.Onboarded A { get; }

    public Api.Onboarded B { get; }

    public static async Task<FuzzWorld> CreateAsync(ArenaFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        using var admin = factory.ClientWithKey(ArenaFactory.AdminKey);
        await Trading.CreateActiveTokenAsync(admin, "ALPHA");
        await Trading.CreateActiveTokenAsync(admin, "BETA");
        var (proving, provingBody, _) = await Api.PostAsync(admin, "/api/admin/tokens", new { strategy = "ma-trend", symbol = "GAMMA" });
        Assert.True(proving == HttpStatusCode.Created, $"create GAMMA: {proving} {provingBody}");
        var world = new FuzzWorld(await Api.OnboardAsync(factory, "Fuzz Church A"), await Api.OnboardAsync(factory, "Fuzz Church B"));
        world.Add("token:active", "ALPHA", "BETA");
        world.Add("token:any", "ALPHA", "BETA", "GAMMA");
        world.Add("org:main", world.A.OrganisationId, world.B.OrganisationId);
        world.Add("org:spare", await Api.CreateOrganisationAsync(admin, "Fuzz Church C"));
        for (var i = 0; i < 3; i++)
        {
            var (issued, key, _) = await Api.PostAsync(admin, $"/api/admin/orgs/{world.A.OrganisationId}/keys", new { member = "spare " + i.ToString(CultureInfo.InvariantCulture), role = "viewer" });
            Assert.Equal(HttpStatusCode.Created, issued);
            world.Add("key:spare", key!["id"]!.GetValue<string>());
        }

        using var treasurerA = factory.ClientWithKey(world.A.TreasurerKey);
        using var treasurerB = factory.ClientWithKey(world.B.TreasurerKey);
        var manualA = await Trading.CreateWalletAsync(treasurerA, 100_000m);
        world.Add("wallet:a", manualA, await Trading.CreateWalletAsync(treasurerA, 50_000m, "hybrid"), await Trading.CreateWalletAsync(treasurerA, 20_000m, "full_ai", "aggressive"));
        var manualB = await Trading.CreateWalletAsync(treasurerB, 10_000m);
        world.Add("wallet:b", manualB);

        // Trades above a quarter of the wallet are held for review: two holds to release and reject.
        foreach (var (client, address, amount) in new[] { (treasurerA, manualA, 40_000m), (treasurerB, manualB, 5_000m) })
        {
            var (status, held, _) = await Api.PostAsync(client, "/api/tokens/buy", new { address, symbol = "ALPHA", amount });
            Assert.True(status == HttpStatusCode.Accepted, $"held buy: {status} {held}");
            world.Add("hold:known", held!["hold_id"]!.GetValue<string>());
        }

        var (_, jobs) = await Api.GetAsync(admin, "/api/admin/jobs");
        world.Add("job:known", [.. jobs!.AsArray().Select(j => j!["name"]!.GetValue<string>())]);
        return world;
    }

    /// <summary>The Authorization header value a role sends (none for anonymous).</summary>
    public string? Authorization(FuzzRole role) => role switch
    {
        FuzzRole.Admin => "Bearer " + ArenaFactory.AdminKey,
        FuzzRole.Treasurer => "Bearer " + A.TreasurerKey,
        FuzzRole.Viewer => "Bearer " + A.ViewerKey,
        FuzzRole.OtherTreasurer => "Bearer " + B.TreasurerKey,
        FuzzRole.BadKey => "Bearer ta_fuzz-unknown-key-000000000000000000",
        FuzzRole.MalformedAuth => "Basic Zm9vOmJhcg==",
        _ => null,
    };

    /// <summary>The step's path and body with every placeholder replaced by an id of the world (from the role's point of view).</summary>
    public (string Path, string? Body) Resolve(FuzzStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return (Placeholder().Replace(step.Path, m => Pick(m, step.Role, path: true)),
            step.Body is null ? null : Placeholder().Replace(step.Body, m => Pick(m, step.Role, path: false)));
    }

    /// <summary>Adds the ids a successful answer created to the world.</summary>
    public void Harvest(FuzzStep step, int status, JsonNode? body)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (status is < 200 or > 299 || body is not JsonObject o)
        {
            return;
        }

        if (o["hold_id"] is JsonValue hold)
        {
            Add("hold:known", hold.ToString());
        }

        if (o["proposal_id"] is JsonValue proposal)
        {
            Add("proposal:known", proposal.ToString());
        }

        if (step.Method != "POST" || status != 201)
        {
            return;
        }

        switch (step.Path)
        {
            case "/api/wallet/create" when o["address"] is JsonValue address:
                Add(step.Role == FuzzRole.OtherTreasurer ? "wallet:b" : "wallet:a", address.ToString());
                break;
            case "/api/admin/orgs" when o["id"] is JsonValue id:
                Add("org:spare", id.ToString());
                break;
            case "/api/admin/keys" when o["id"] is JsonValue id:
                Add("key:spare", id.ToString());
                break;
            case "/api/admin/tokens" when o["symbol"] is JsonValue symbol:
                Add("token:any", symbol.ToString());
                break;
            default:
                if (step.Path.EndsWith("/keys", StringComparison.Ordinal) && o["id"] is JsonValue key)
                {
                    Add("key:spare", key.ToString());
                }

                break;
        }
    }

    public int Count(string list) => _ids.TryGetValue(list, out var ids) ? ids.Count : 0;

    private void Add(string list, params string[] ids)
    {
        if (!_ids.TryGetValue(list, out var existing))
        {
            _ids[list] = existing = [];
        }

        existing.AddRange(ids.Where(id => !existing.Contains(id, StringComparer.Ordinal)));
    }

    private string Pick(Match m, FuzzRole role, bool path)
    {
        var kind = m.Groups["kind"].Value;
        var cls = m.Groups["class"].Value;
        var n = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
        var unknownGuid = new Guid(n, 0x0F22, 0x0F22, [0xf, 0x2, 0x2, 0, 0, 0, 0, 0]).ToString();
        string? From(string list) => _ids.TryGetValue(list, out var ids) && ids.Count > 0 ? ids[n % ids.Count] : null;
        var ownWallets = role switch { FuzzRole.OtherTreasurer => "wallet:b", _ => "wallet:a" };
        var otherWallets = role == FuzzRole.OtherTreasurer ? "wallet:a" : "wallet:b";
        var value = (kind, cls) switch
        {
            ("wallet", "own") => role == FuzzRole.Admin && n % 2 == 1 ? From("wallet:b") : From(ownWallets),
            ("wallet", "other") => From(otherWallets),
            ("wallet", "upper") => "0x" + From(ownWallets)![2..].ToUpperInvariant(),
            ("wallet", "unknown") => "0x" + n.ToString("x40", CultureInfo.InvariantCulture),
            ("wallet", "garbage") => (n % 4) switch { 0 => "not-an-address", 1 => "0x", 2 => "0x" + new string('g', 40), _ => "ZZ" },
            ("org" or "key" or "hold" or "proposal", "unknown") => unknownGuid,
            ("org" or "key" or "hold" or "proposal", "garbage") => n % 2 == 0 ? "not-a-guid" : "12345",
            ("token", "active") => From("token:active"),
            ("token", "any") => From("token:any"),
            ("token", "lower") => From("token:active")!.ToLowerInvariant(),
            ("token", "unknown") => "NOPE" + n.ToString(CultureInfo.InvariantCulture),
            ("job", "unknown") => "no-such-job-" + n.ToString(CultureInfo.InvariantCulture),
            _ => From(kind + ":" + cls),
        } ?? unknownGuid;
        return path ? Uri.EscapeDataString(value) : value;
    }

    [GeneratedRegex(@"\{(?<kind>[a-z]+):(?<class>[a-z]+):(?<n>\d+)\}")]
    private static partial Regex Placeholder();
}
