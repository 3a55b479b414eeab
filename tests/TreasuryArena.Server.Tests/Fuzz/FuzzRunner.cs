using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TreasuryArena.Core.Ledger;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests.Fuzz;

/// <summary>
/// Sends generated steps through the real pipeline one at a time and checks, per step: no 5xx; every 4xx is
/// <c>application/problem+json</c> with a <c>code</c>; a step marked certainly-refused is refused; a refusal changes no
/// state (<see cref="FuzzState"/>); an <c>Idempotency-Key</c> reused by the same caller for a different request is
/// refused <c>idempotency_key_reused</c> and a repeat of the same request answers as the first. Every
/// <paramref name="checkEvery"/> steps the ledger's invariants are checked. Failures are collected (one per kind,
/// endpoint and body class) with the seed and the step index, so a run reports every distinct bug at once.
/// </summary>
public sealed class FuzzRunner(ArenaFactory factory, FuzzWorld world, ulong seed, int checkEvery = 50)
{
    private readonly Dictionary<(FuzzRole, string), (string Signature, int Status)> _keys = [];
    private readonly Dictionary<string, string> _failures = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Failures => _failures.Values;

    public Dictionary<int, int> StatusCounts { get; } = [];

    public int Refused { get; private set; }

    /// <summary>Endpoints and fields that accepted text with control, bidi or surrogate characters (the free-text policy's concern, reported only).</summary>
    public SortedSet<string> AcceptedControlText { get; } = new(StringComparer.Ordinal);

    public async Task RunAsync(IReadOnlyList<FuzzStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        using var client = factory.CreateClient();
        var before = await FuzzState.CaptureAsync(factory.Services);
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var (path, body) = world.Resolve(step);
            using var request = new HttpRequestMessage(new HttpMethod(step.Method), path);
            if (world.Authorization(step.Role) is { } auth)
            {
                request.Headers.TryAddWithoutValidation("Authorization", auth);
            }

            if (step.IdempotencyKey is { } key)
            {
                request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
            }

            if (body is not null)
            {
                request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
                if (step.ContentType is { } ct)
                {
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", ct);
                }
            }

            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            var json = Parse(text);
            StatusCounts[status] = StatusCounts.GetValueOrDefault(status) + 1;
            var after = await FuzzState.CaptureAsync(factory.Services);
            var where = $"seed {seed} step {i}: {step}\n    sent {step.Method} {path} body={Truncate(body)}\n    got {status} {response.Content.Headers.ContentType} {Truncate(text)}";

            if (status >= 500)
            {
                Fail("5xx", step, where);
            }

            if (status is >= 400 and < 500)
            {
                Refused++;
                var code = (json as JsonObject)?["code"] as JsonValue;
                if (response.Content.Headers.ContentType?.MediaType != "application/problem+json" || code is null || code.ToString().Length == 0)
                {
                    Fail("4xx without problem+json code", step, where);
                }

                var changed = before.Diff(after);
                if (changed.Count > 0)
                {
                    Fail("state changed on refusal", step, where + "\n    changed: " + string.Join(", ", changed));
                }
            }

            if (step.MustRefuse && status < 400)
            {
                Fail("accepted a request that must be refused", step, where);
            }

            if (status is >= 200 and < 300 && step.BodyClass.Contains(":control:", StringComparison.Ordinal))
            {
                AcceptedControlText.Add(step.Endpoint + " " + step.BodyClass.Split(' ')[0]);
            }

            CheckIdempotency(step, path, body, status, json, where);
            world.Harvest(step, status, json);
            before = after;
            if ((i + 1) % checkEvery == 0 || i == steps.Count - 1)
            {
                await CheckInvariantsAsync(client, $"seed {seed} after step {i}");
                before = await FuzzState.CaptureAsync(factory.Services);
            }
        }
    }

    private void CheckIdempotency(FuzzStep step, string path, string? body, int status, JsonNode? json, string where)
    {
        if (step.IdempotencyKey is not { Length: <= 200 } key || step.Role is FuzzRole.BadKey or FuzzRole.Anonymous or FuzzRole.MalformedAuth)
        {
            return;
        }

        var signature = step.Method + " " + path + "\n" + body;
        if (_keys.TryGetValue((step.Role, key), out var first))
        {
            // Refused either before the middleware (authentication, policy, body size) or by it as a reused key.
            if (first.Signature != signature && (status is < 400 or >= 500 || (status is not (401 or 403 or 413) && (json as JsonObject)?["code"]?.ToString() != "idempotency_key_reused")))
            {
                Fail("idempotency key reused for another request not refused", step, where + $"\n    first use: {first.Signature} -> {first.Status}");
            }
            else if (first.Signature == signature && status != first.Status)
            {
                Fail("idempotent repeat answered differently", step, where + $"\n    first answer {first.Status}");
            }

            return;
        }

        // Only a success certainly keeps the key: a refusal thrown through the middleware (malformed body, domain
        // exception) releases it, and one answered before it (authentication, policy, body size) never claimed it.
        if (status is >= 200 and < 300)
        {
            _keys[(step.Role, key)] = (signature, status);
        }
    }

    private async Task CheckInvariantsAsync(HttpClient client, string where)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/audit/verify");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ArenaFactory.AdminKey);
        using var response = await client.SendAsync(request);
        var verify = Parse(await response.Content.ReadAsStringAsync());
        if (verify?["valid"]?.GetValue<bool>() != true || verify["ledger"]?["ok"]?.GetValue<bool>() != true)
        {
            _failures.TryAdd("verify " + where, $"{where}: audit/ledger verify failed: {verify?.ToJsonString()}");
        }

        var ledger = factory.Services.GetRequiredService<LedgerService>();
        var supply = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var wallet in ledger.ListWallets())
        {
            var view = ledger.GetWallet(wallet.Address)!;
            if (view.Cash.Amount < 0m || view.Holdings.Any(h => h.Shares.Value < 0m))
            {
                _failures.TryAdd("negative " + wallet.Address, $"{where}: wallet {wallet.Address} has a negative balance: cash {view.Cash.Amount}");
            }

            foreach (var h in view.Holdings)
            {
                supply[h.Symbol] = supply.GetValueOrDefault(h.Symbol) + h.Shares.Value;
            }
        }

        foreach (var token in ledger.ListTokens())
        {
            if (token.Supply.Value != supply.GetValueOrDefault(token.Token.Symbol))
            {
                _failures.TryAdd("supply " + token.Token.Symbol, $"{where}: token {token.Token.Symbol} supply {token.Supply.Value} != holdings {supply.GetValueOrDefault(token.Token.Symbol)}");
            }
        }
    }

    private void Fail(string kind, FuzzStep step, string detail) =>
        _failures.TryAdd(kind + "|" + step.Endpoint + "|" + step.BodyClass.Split(' ')[0], kind + " — " + detail);

    private static JsonNode? Parse(string text)
    {
        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Truncate(string? text) => text is null ? "<none>" : text.Length > 300 ? text[..300] + "…" : text;
}
