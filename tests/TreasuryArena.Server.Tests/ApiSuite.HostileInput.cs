using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TreasuryArena.Core.Common;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests;

/// <summary>
/// Issue 20: every operation of the served OpenAPI document gets a table of hostile inputs in each of its path, query
/// and body parameters (control characters, NUL, ANSI escapes, bidi overrides, lone surrogates, over-long strings,
/// negative, huge and malformed numbers, dates outside the data, wrong JSON types, malformed JSON), as an admin and as a
/// treasurer. Every answer must be a 4xx <c>application/problem+json</c> without exception text, and nothing may change
/// (organisations, keys, wallets, tokens, the ledger, disclosures, holds, the halt; refusal audit rows may grow). A new
/// operation is driven automatically; one whose path parameter or body schema has no valid value below fails the test
/// until it is added, so no endpoint escapes the table.
/// </summary>
public abstract partial class ApiSuite
{
    private const string HostileSymbol = "HOST";

    /// <summary>Strings no field, path segment or query value may accept.</summary>
    private static readonly (string Label, string Value)[] HostileStrings =
    [
        ("NUL", "a\0b"),
        ("control", "a\u0001b"),
        ("newline (forged row)", "Acme\n2026-01-01  church  free  verified  Forged"),
        ("ANSI escape", "\u001b[31mred\u001b[0m"),
        ("bidi override", "abc\u202Egpj.exe"),
        ("bidi isolate", "abc\u2066x\u2069"),
        ("C1 control", "a\u009Bb"),
        ("DEL", "a\u007Fb"),
        ("line separator", "a\u2028b"),
    ];

    /// <summary>Numbers and dates no query parameter of the API accepts (all are malformed or out of range).</summary>
    private static readonly string[] HostileQueryValues =
    [
        "-1", "0x10", "1e3", "1.5", "+1", " 1", "99999999999999999999", "-9223372036854775808", "NaN", "abc",
        "0001-01-01", "9999-12-31", "2026-13-45", "1999-01-01", "%00", "[]", "{}", "true",
        "1\0", "10\0\0", "2026-01-05\0", "\u0661", // .NET's number parsing takes trailing NULs and other digit scripts
    ];

    [DbFact]
    public async Task EveryOperation_HostileInputs_Are4xxProblemsWithoutExceptionText_AndChangeNothing()
    {
        using var admin = Admin();
        var onboarded = await Api.OnboardAsync(Factory, "Hostile Input Church");
        await Trading.CreateActiveTokenAsync(admin, HostileSymbol);
        using var treasurer = Factory.ClientWithKey(onboarded.TreasurerKey);
        var wallet = await Trading.CreateWalletAsync(treasurer, 1000m);
        var (bought, buyBody, _) = await Api.PostAsync(treasurer, "/api/tokens/buy", new { address = wallet, symbol = HostileSymbol, amount = 100m });
        Assert.True(bought == HttpStatusCode.OK, $"setup buy: {bought} {buyBody}");

        var (openApiStatus, document) = await Api.GetAsync(admin, "/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, openApiStatus);
        var schemas = document!["components"]!["schemas"]!.AsObject();
        var valid = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["id"] = onboarded.OrganisationId,
            ["symbol"] = HostileSymbol,
            ["address"] = wallet,
            ["name"] = "fee-accrual",
            ["kind"] = "membership_agreement",
        };

        var before = await SnapshotAsync(admin, onboarded.OrganisationId);
        var auditCursor = (await NewAuditAsync(admin, 0)).Last;
        var failures = new List<string>();
        var requests = 0;
        var operations = 0;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (method is "parameters" || path.StartsWith("/api/session", StringComparison.Ordinal))
                {
                    // Sign-in is anonymous by design and its hostile inputs are the sessions area's tests.
                    continue;
                }

                var cases = Cases(method, path, operation!, schemas, valid, failures).ToList();
                if (cases.Count == 0)
                {
                    continue;
                }

                operations++;
                foreach (var (who, client) in new[] { ("admin", admin), ("treasurer", treasurer) })
                {
                    foreach (var c in cases)
                    {
                        requests++;
                        await SendAndCheckAsync(client, who, c, failures);
                    }
                }

                var (done, last) = await NewAuditAsync(admin, auditCursor);
                auditCursor = last;
                if (done.Count > 0)
                {
                    failures.Insert(0, $"{method.ToUpperInvariant()} {path}: hostile input was audited as done: {string.Join("; ", done)}");
                }

                var after = await SnapshotAsync(admin, onboarded.OrganisationId);
                if (after != before)
                {
                    failures.Insert(0, $"{method.ToUpperInvariant()} {path}: state changed under hostile input:\nbefore {before}\nafter  {after}");
                    before = after;
                }
            }
        }

        Assert.True(operations >= 40, $"only {operations} operations with inputs were driven");
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} hostile requests over {operations} operations failed:\n" + string.Join("\n", failures.Take(40)));
    }

    private sealed record HostileCase(string Label, HttpMethod Method, string Url, string? Body);

    private static IEnumerable<HostileCase> Cases(string method, string template, JsonNode operation, JsonObject schemas, Dictionary<string, string> valid, List<string> failures)
    {
        var verb = new HttpMethod(method.ToUpperInvariant());
        var parameters = operation["parameters"]?.AsArray().Select(p => p!).ToList() ?? [];
        var pathParams = parameters.Where(p => p["in"]!.GetValue<string>() == "path").Select(p => p["name"]!.GetValue<string>()).ToList();
        var queryParams = parameters.Where(p => p["in"]!.GetValue<string>() == "query").Select(p => p["name"]!.GetValue<string>()).ToList();
        foreach (var p in pathParams.Where(p => !valid.ContainsKey(p)))
        {
            failures.Add($"{verb} {template}: no valid value for path parameter '{p}': add one to the hostile-input test");
            yield break;
        }

        var schemaName = BodySchema(operation);
        JsonObject? baseBody = null;
        if (schemaName is not null)
        {
            if (ValidBody(schemaName) is not { } b)
            {
                failures.Add($"{verb} {template}: no valid base body for schema '{schemaName}': add one to the hostile-input test");
                yield break;
            }

            if (b["address"] is not null)
            {
                b["address"] = valid["address"];
            }

            baseBody = b;
        }

        string Url(string? hostileParam, string? hostileValue, string? query)
        {
            var url = template;
            foreach (var p in pathParams)
            {
                url = url.Replace("{" + p + "}", p == hostileParam ? Uri.EscapeDataString(hostileValue!) : valid[p], StringComparison.Ordinal);
            }

            return query is null ? url : url + "?" + query;
        }

        var body = baseBody?.ToJsonString();
        foreach (var p in pathParams)
        {
            // NUL (%00) in a path never reaches the application: the server's request-line parser refuses it (and the
            // test host cannot even send it); KestrelTests covers it on the real server.
            foreach (var (label, value) in HostileStrings.Where(h => !h.Value.Contains('\0', StringComparison.Ordinal)).Append(("long", new string('x', 10_000))))
            {
                yield return new HostileCase($"path {p} = {label}", verb, Url(p, value, null), body);
            }
        }

        foreach (var q in queryParams)
        {
            foreach (var value in HostileQueryValues)
            {
                var encoded = value == "%00" ? value : Uri.EscapeDataString(value);
                yield return new HostileCase($"query {q} = '{value}'", verb, Url(null, null, $"{q}={encoded}"), body);
            }

            foreach (var (label, value) in HostileStrings.Append(("long", new string('9', 10_000))))
            {
                yield return new HostileCase($"query {q} = {label}", verb, Url(null, null, $"{q}={Uri.EscapeDataString(value)}"), body);
            }
        }

        if (baseBody is null)
        {
            yield break;
        }

        var url0 = Url(null, null, null);
        var properties = schemas[schemaName!]!["properties"]?.AsObject() ?? [];
        foreach (var (name, schema) in properties)
        {
            var max = schema?["maxLength"]?.GetValue<int>() ?? 0;
            // A multi-line field of the free-text policy (the disclosure text) accepts newlines; every other character stays hostile.
            var multiline = FreeText.Fields.Any(f => f.Multiline && f.Name == name);
            foreach (var (label, value) in HostileStrings.Where(h => !multiline || !h.Value.Contains('\n', StringComparison.Ordinal)).Append(("long", new string('x', Math.Max(10_000, max + 1)))))
            {
                yield return new HostileCase($"body {name} = {label}", verb, url0, With(baseBody, name, JsonValue.Create(value)));
            }

            // A lone surrogate, written as a JSON escape (valid JSON text, not well-formed Unicode).
            yield return new HostileCase($"body {name} = lone surrogate", verb, url0, With(baseBody, name, JsonValue.Create("MARK"))!.Replace("\"MARK\"", "\"a\\ud800b\"", StringComparison.Ordinal));
            var isString = schema?["type"] is { } t && t.ToJsonString().Contains("\"string\"", StringComparison.Ordinal);
            yield return new HostileCase($"body {name} = wrong type", verb, url0, With(baseBody, name, isString ? JsonValue.Create(12345) : JsonValue.Create("not-a-number\u0000")));
            yield return new HostileCase($"body {name} = object", verb, url0, With(baseBody, name, new JsonObject { ["x"] = "\u001b[2J" }));
            yield return new HostileCase($"body {name} = array", verb, url0, With(baseBody, name, new JsonArray(1, 2)));
            yield return new HostileCase($"body {name} = huge number", verb, url0, With(baseBody, name, JsonValue.Create(1e300)));
            yield return new HostileCase($"body {name} = negative", verb, url0, With(baseBody, name, JsonValue.Create(-1)));
        }

        yield return new HostileCase("body malformed JSON", verb, url0, body![..^1]);
        yield return new HostileCase("body a JSON array", verb, url0, "[" + body + "]");
        yield return new HostileCase("body a JSON number", verb, url0, "-1e999");
        yield return new HostileCase("body NUL bytes", verb, url0, "\0\0\0");
        yield return new HostileCase("body deep nesting", verb, url0, new string('[', 5000) + new string(']', 5000));
    }

    private static string? BodySchema(JsonNode operation)
    {
        if (operation["requestBody"]?["content"]?["application/json"]?["schema"] is not { } schema)
        {
            return null;
        }

        var reference = schema["$ref"]?.GetValue<string>()
            ?? schema["oneOf"]?.AsArray().Select(s => s?["$ref"]?.GetValue<string>()).FirstOrDefault(r => r is not null);
        return reference?.Split('/')[^1];
    }

    /// <summary>A valid body per request schema: each hostile case changes one property of it.</summary>
    private static JsonObject? ValidBody(string schema) => schema switch
    {
        "CreateOrganisationRequest" => new() { ["name"] = "Valid Base Church", ["type"] = "church", ["plan"] = "free" },
        "VerifyOrganisationRequest" => new() { ["entity_type"] = "church", ["registration"] = "EIN 1", ["reviewer"] = "officer" },
        "ReasonRequest" or "TokenStatusRequest" => new() { ["reason"] = "a valid reason" },
        "ProposalDecisionRequest" => new() { ["note"] = "a valid note" },
        "SetPlanRequest" => new() { ["plan"] = "basic" },
        "IssueKeyRequest" => new() { ["member"] = "Valid Member", ["role"] = "viewer" },
        "PublishDisclosureRequest" => new() { ["version"] = "v-hostile", ["text"] = "A valid disclosure." },
        "AttestRequest" => new() { ["document_version"] = "v1", ["signer"] = "Jane Treasurer" },
        "PublishDocumentRequest" => new() { ["version"] = "v-hostile", ["text"] = "A valid document." },
        "SignRequest" => new() { ["kind"] = "membership_agreement", ["typed_name"] = "Jane Treasurer", ["consent"] = true },
        "ReviewMarkRequest" => new() { ["item"] = "ips_reviewed" },
        "EraseMemberRequest" => new() { ["member"] = "Nobody Of That Name" },
        "BuyRequest" => new() { ["address"] = "WALLET", ["symbol"] = HostileSymbol, ["amount"] = 10 },
        "SellRequest" => new() { ["address"] = "WALLET", ["symbol"] = HostileSymbol, ["shares"] = 1 },
        "QuoteRequest" => new() { ["address"] = "WALLET", ["symbol"] = HostileSymbol, ["amount"] = 10, ["side"] = "buy" },
        "CashRequest" => new() { ["address"] = "WALLET", ["amount"] = 10 },
        "CreateWalletRequest" => new() { ["mode"] = "manual", ["risk_tolerance"] = "moderate", ["name"] = "Building fund" },
        "CreateTreasuryRequest" => new() { ["capital"] = 250_000 },
        "WalletModeRequest" => new() { ["address"] = "WALLET", ["mode"] = "hybrid" },
        "RebalanceRequest" => new() { ["address"] = "WALLET", ["dry_run"] = true },
        "CreateTokenRequest" => new() { ["strategy"] = "ma-trend", ["symbol"] = "VALIDX", ["name"] = "Valid token" },
        "PolicyDocument" => new() { ["min_tokens"] = 2 },
        "NotificationSettingsRequest" => new()
        {
            ["webhook_url"] = "https://hooks.example.org/arena", ["webhook_secret"] = "s3cret", ["telegram_chat_id"] = "-100123",
            ["email_to"] = new JsonArray("treasurer@example.org"), ["kinds"] = new JsonArray("trade_held"),
        },
        _ => null,
    };

    private static string With(JsonObject baseBody, string property, JsonNode value)
    {
        var copy = baseBody.DeepClone().AsObject();
        copy[property] = value;
        return copy.ToJsonString();
    }

    private static async Task SendAndCheckAsync(HttpClient client, string who, HostileCase c, List<string> failures)
    {
        using var request = new HttpRequestMessage(c.Method, new Uri(c.Url, UriKind.Relative));
        if (c.Body is not null)
        {
            request.Content = new StringContent(c.Body, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        var where = $"{who} {c.Method} {c.Url[..Math.Min(c.Url.Length, 90)]} [{c.Label}]";
        if (status is < 400 or >= 500)
        {
            failures.Add($"{where}: {status} {text[..Math.Min(text.Length, 300)]}");
            return;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            failures.Add($"{where}: {status} with content type '{response.Content.Headers.ContentType}', not application/problem+json: {text[..Math.Min(text.Length, 200)]}");
            return;
        }

        foreach (var leak in (string[])["Exception", "   at ", "System.", "Microsoft.", "out of range.", "Failed to bind", "Npgsql", "SQLite", "Nullable<"])
        {
            if (text.Contains(leak, StringComparison.Ordinal))
            {
                failures.Add($"{where}: {status} body leaks '{leak}': {text[..Math.Min(text.Length, 300)]}");
                return;
            }
        }

        var problem = JsonNode.Parse(text)!;
        if (problem["detail"]?.GetValue<string>() is { } detail && FreeText.Violation(detail, multiline: true) is { } raw)
        {
            failures.Add($"{where}: the problem's detail echoes a raw character: {raw}");
        }
    }

    /// <summary>What must not change: organisations, the org's keys, wallets, tokens, the ledger's entry count, disclosure, halt, holds.</summary>
    private static async Task<string> SnapshotAsync(HttpClient admin, string organisationId)
    {
        var parts = new List<string>();
        foreach (var path in (string[])["/api/admin/orgs", $"/api/admin/orgs/{organisationId}/keys", "/api/wallets", "/api/tokens/list", "/api/disclosures/current", "/api/admin/halt", "/api/admin/holds"])
        {
            var (status, body) = await Api.GetAsync(admin, path);
            parts.Add($"{path}={(int)status}:{Stable(body)}");
        }

        var (_, verify) = await Api.GetAsync(admin, "/api/admin/audit/verify");
        parts.Add("ledger=" + verify!["ledger"]!.ToJsonString());
        return string.Join(" | ", parts);
    }

    /// <summary>The audit rows after <paramref name="after"/> that record a change (outcome done; refusals may grow), and the last sequence.</summary>
    private static async Task<(List<string> Done, long Last)> NewAuditAsync(HttpClient admin, long after)
    {
        var done = new List<string>();
        while (true)
        {
            var (_, page) = await Api.GetAsync(admin, $"/api/admin/audit?after={after}&limit=1000");
            var rows = page!.AsArray();
            foreach (var row in rows)
            {
                after = row!["sequence"]!.GetValue<long>();
                if (row["outcome"]!.GetValue<string>() != "refused")
                {
                    done.Add($"{row["action"]} {row["subject"]}");
                }
            }

            if (rows.Count < 1000)
            {
                return (done, after);
            }
        }
    }

    /// <summary>The body without fields that move on their own (halt's timestamps are state; token list sparkline is not time-based here).</summary>
    private static string Stable(JsonNode? body) => body is null ? "" : JsonSerializer.Serialize(body);
}
