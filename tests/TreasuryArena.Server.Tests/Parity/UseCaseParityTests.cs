using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TreasuryArena.Core.Audit;
using TreasuryArena.Core.Identity;
using TreasuryArena.Infrastructure.Platform;
using TreasuryArena.Infrastructure.Storage;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests.Parity;

/// <summary>
/// Issue 19, "use cases own the rules": every business action, one row each, runs through the API (the real HTTP
/// pipeline) and through the CLI (the <c>arena</c> verbs in-process), each door on its own fresh database, and gives the
/// same outcome (accepted, or refused with the same code) and the same audit records (action, subject, outcome, detail).
/// The rows run in order on each door, so later rows act on what earlier rows created; ids that differ between the two
/// databases (organisations, wallet addresses) are compared by label.
/// </summary>
public sealed class UseCaseParityTests : ServerTestBase
{
    private const string Disclosure = "Strategy tokens can lose value. Version v1";

    /// <summary>A hold id no database holds.</summary>
    private const string NoHold = "00000000-0000-0000-0000-000000000019";

    /// <summary>The actions whose rows must leave an audit record even when accepted.</summary>
    private static readonly string[] Audited = ["wallet.", "token.", "hold.", "nav.", "treasury."];

    protected override bool UsePostgres => false;

    /// <summary>
    /// One business action through both doors. <see cref="Expected"/> is null when it must be accepted, else the refusal
    /// code; <see cref="Key"/> is whose API key the API call uses (<c>admin</c>, or <c>treasurer:LABEL</c>); paths, bodies
    /// and CLI arguments may name labels as <c>{LABEL}</c>; <see cref="Capture"/> labels the subject of the row's
    /// <c>org.create</c> or <c>wallet.create</c> record.
    /// </summary>
    public sealed record Row(string Name, string? Expected, string Key, string Path, string Body, string[] Cli, string? Capture = null);

    public static IReadOnlyList<Row> Actions { get; } =
    [
        new("org.create free", null, "admin", "/api/admin/orgs", """{"name":"Free Church","type":"church","plan":"free"}""", ["org", "create", "Free Church", "--type", "church", "--plan", "free"], "Free"),
        new("org.create basic", null, "admin", "/api/admin/orgs", """{"name":"Basic Church","type":"church","plan":"basic"}""", ["org", "create", "Basic Church", "--type", "church", "--plan", "basic"], "Basic"),
        new("org.create duplicate refused", "organisation_exists", "admin", "/api/admin/orgs", """{"name":"Free Church","type":"church","plan":"free"}""", ["org", "create", "Free Church", "--type", "church", "--plan", "free"]),
        new("org.verify free", null, "admin", "/api/admin/orgs/{Free}/verify", """{"entity_type":"501(c)(3) church","registration":"EIN 12-3456789","reviewer":"compliance officer"}""", ["org", "verify", "Free Church", "--entity-type", "501(c)(3) church", "--registration", "EIN 12-3456789", "--reviewer", "compliance officer"]),
        new("org.verify basic", null, "admin", "/api/admin/orgs/{Basic}/verify", """{"entity_type":"501(c)(3) church","registration":"EIN 98-7654321","reviewer":"compliance officer"}""", ["org", "verify", "Basic Church", "--entity-type", "501(c)(3) church", "--registration", "EIN 98-7654321", "--reviewer", "compliance officer"]),
        new("disclosure.publish", null, "admin", "/api/admin/disclosures", """{"version":"v1","text":"Strategy tokens can lose value. Version v1"}""", ["admin", "disclose", "--version", "v1", "--file", "{DisclosureFile}"]),
        new("org.attest free", null, "treasurer:Free", "/api/orgs/attest", """{"document_version":"v1","signer":"Jane Treasurer"}""", ["org", "attest", "Free Church", "--signer", "Jane Treasurer", "--version", "v1"]),
        new("org.attest basic", null, "treasurer:Basic", "/api/orgs/attest", """{"document_version":"v1","signer":"John Treasurer"}""", ["org", "attest", "Basic Church", "--signer", "John Treasurer", "--version", "v1"]),
        new("token.create ALPHA", null, "admin", "/api/admin/tokens", """{"strategy":"ma-trend","symbol":"ALPHA"}""", ["tokens", "issue", "--strategy", "ma-trend", "--symbol", "ALPHA"]),
        new("token.create BETA", null, "admin", "/api/admin/tokens", """{"strategy":"ma-trend","symbol":"BETA"}""", ["tokens", "issue", "--strategy", "ma-trend", "--symbol", "BETA"]),
        new("token.create GAMMA", null, "admin", "/api/admin/tokens", """{"strategy":"ma-trend","symbol":"GAMMA"}""", ["tokens", "issue", "--strategy", "ma-trend", "--symbol", "GAMMA"]),
        new("token.create DELTA", null, "admin", "/api/admin/tokens", """{"strategy":"ma-trend","symbol":"DELTA"}""", ["tokens", "issue", "--strategy", "ma-trend", "--symbol", "DELTA"]),
        new("token.create unknown strategy refused", "unknown_strategy", "admin", "/api/admin/tokens", """{"strategy":"no-such-strategy","symbol":"NOPE"}""", ["tokens", "issue", "--strategy", "no-such-strategy", "--symbol", "NOPE"]),
        new("token.activate ALPHA (override)", null, "admin", "/api/admin/tokens/ALPHA/activate", """{"reason":"parity"}""", ["tokens", "activate", "ALPHA", "--reason", "parity"]),
        new("token.activate BETA (override)", null, "admin", "/api/admin/tokens/BETA/activate", """{"reason":"parity"}""", ["tokens", "activate", "BETA", "--reason", "parity"]),
        new("token.activate GAMMA (override)", null, "admin", "/api/admin/tokens/GAMMA/activate", """{"reason":"parity"}""", ["tokens", "activate", "GAMMA", "--reason", "parity"]),
        new("token.activate DELTA (override)", null, "admin", "/api/admin/tokens/DELTA/activate", """{"reason":"parity"}""", ["tokens", "activate", "DELTA", "--reason", "parity"]),
        new("wallet.create FULL_AI on Free refused", "plan_limit", "treasurer:Free", "/api/wallet/create", """{"mode":"full_ai","risk_tolerance":"moderate"}""", ["wallet", "create", "--org", "Free Church", "--mode", "FULL_AI", "--risk", "MODERATE"]),
        new("wallet.create HYBRID on Free refused", "plan_limit", "treasurer:Free", "/api/wallet/create", """{"mode":"hybrid","risk_tolerance":"moderate"}""", ["wallet", "create", "--org", "Free Church", "--mode", "HYBRID", "--risk", "MODERATE"]),
        new("wallet.create MANUAL on Free", null, "treasurer:Free", "/api/wallet/create", """{"mode":"manual","risk_tolerance":"moderate"}""", ["wallet", "create", "--org", "Free Church", "--mode", "MANUAL", "--risk", "MODERATE"], "W1"),
        new("wallet.create MANUAL on Basic refused", "plan_limit", "treasurer:Basic", "/api/wallet/create", """{"mode":"manual","risk_tolerance":"conservative"}""", ["wallet", "create", "--org", "Basic Church", "--mode", "MANUAL", "--risk", "CONSERVATIVE"]),
        new("wallet.create HYBRID on Basic", null, "treasurer:Basic", "/api/wallet/create", """{"mode":"hybrid","risk_tolerance":"conservative"}""", ["wallet", "create", "--org", "Basic Church", "--mode", "HYBRID", "--risk", "CONSERVATIVE"], "W2"),
        new("wallet.mode Free to HYBRID refused", "plan_limit", "treasurer:Free", "/api/wallet/mode", """{"address":"{W1}","mode":"hybrid"}""", ["wallet", "mode", "--wallet", "{W1}", "--mode", "HYBRID"]),
        new("wallet.mode Basic to FULL_AI", null, "treasurer:Basic", "/api/wallet/mode", """{"address":"{W2}","mode":"full_ai","risk_tolerance":"aggressive"}""", ["wallet", "mode", "--wallet", "{W2}", "--mode", "FULL_AI", "--risk", "AGGRESSIVE"]),
        new("wallet.deposit", null, "treasurer:Free", "/api/wallet/deposit", """{"address":"{W1}","amount":10000}""", ["wallet", "deposit", "--wallet", "{W1}", "--amount", "10000"]),
        new("wallet.withdraw beyond cash refused", "insufficient_cash", "treasurer:Free", "/api/wallet/withdraw", """{"address":"{W1}","amount":50000}""", ["wallet", "withdraw", "--wallet", "{W1}", "--amount", "50000"]),
        new("wallet.withdraw", null, "treasurer:Free", "/api/wallet/withdraw", """{"address":"{W1}","amount":500}""", ["wallet", "withdraw", "--wallet", "{W1}", "--amount", "500"]),
        new("trade.buy ALPHA", null, "treasurer:Free", "/api/tokens/buy", """{"address":"{W1}","symbol":"ALPHA","amount":1000}""", ["wallet", "buy", "--wallet", "{W1}", "--symbol", "ALPHA", "--amount", "1000"]),
        new("trade.buy BETA", null, "treasurer:Free", "/api/tokens/buy", """{"address":"{W1}","symbol":"BETA","amount":1000}""", ["wallet", "buy", "--wallet", "{W1}", "--symbol", "BETA", "--amount", "1000"]),
        new("trade.buy GAMMA", null, "treasurer:Free", "/api/tokens/buy", """{"address":"{W1}","symbol":"GAMMA","amount":1000}""", ["wallet", "buy", "--wallet", "{W1}", "--symbol", "GAMMA", "--amount", "1000"]),
        new("trade.buy a 4th token on Free refused", "plan_limit", "treasurer:Free", "/api/tokens/buy", """{"address":"{W1}","symbol":"DELTA","amount":1000}""", ["wallet", "buy", "--wallet", "{W1}", "--symbol", "DELTA", "--amount", "1000"]),
        new("trade.buy more of a held token on Free", null, "treasurer:Free", "/api/tokens/buy", """{"address":"{W1}","symbol":"ALPHA","amount":500}""", ["wallet", "buy", "--wallet", "{W1}", "--symbol", "ALPHA", "--amount", "500"]),
        new("trade.sell", null, "treasurer:Free", "/api/tokens/sell", """{"address":"{W1}","symbol":"ALPHA","shares":100}""", ["wallet", "sell", "--wallet", "{W1}", "--symbol", "ALPHA", "--shares", "100"]),
        new("token.hold of an active token refused", "token_not_paused", "admin", "/api/admin/tokens/ALPHA/hold", """{"reason":"parity"}""", ["tokens", "hold", "ALPHA", "--reason", "parity"]),
        new("token.pause", null, "admin", "/api/admin/tokens/ALPHA/pause", """{"reason":"parity"}""", ["tokens", "pause", "ALPHA", "--reason", "parity"]),
        new("token.hold", null, "admin", "/api/admin/tokens/ALPHA/hold", """{"reason":"parity"}""", ["tokens", "hold", "ALPHA", "--reason", "parity"]),
        new("token.resume", null, "admin", "/api/admin/tokens/ALPHA/resume", """{"reason":"parity"}""", ["tokens", "resume", "ALPHA", "--reason", "parity"]),
        new("token.retire", null, "admin", "/api/admin/tokens/DELTA/retire", """{"reason":"parity"}""", ["tokens", "retire", "DELTA", "--reason", "parity"]),
        new("token.pause of an unknown token refused", "unknown_token", "admin", "/api/admin/tokens/NOPE/pause", """{"reason":"parity"}""", ["tokens", "pause", "NOPE", "--reason", "parity"]),
        new("hold.release of an unknown hold refused", "hold_not_found", "admin", "/api/admin/holds/" + NoHold + "/release", "{}", ["holds", "release", "--id", NoHold]),
        new("hold.reject of an unknown hold refused", "hold_not_found", "admin", "/api/admin/holds/" + NoHold + "/reject", """{"reason":"parity"}""", ["holds", "reject", "--id", NoHold, "--reason", "parity"]),
        new("nav.step (the nav-step job's admin trigger; arena nav)", null, "admin", "/api/admin/jobs/nav-step/run", "{}", ["nav"]),
        new("treasury.review (the weekly job's admin trigger; arena review)", null, "admin", "/api/admin/jobs/treasury-weekly-review/run", "{}", ["review"]),
        new("trade.buy by a viewer refused", "role_forbidden", "viewer:Free", "/api/tokens/buy", """{"address":"{W1}","symbol":"BETA","amount":100}""", ["wallet", "buy", "--wallet", "{W1}", "--symbol", "BETA", "--amount", "100", "--as-key", "{key:viewer:Free}"]),
        new("wallet.deposit by a viewer refused", "role_forbidden", "viewer:Free", "/api/wallet/deposit", """{"address":"{W1}","amount":100}""", ["wallet", "deposit", "--wallet", "{W1}", "--amount", "100", "--as-key", "{key:viewer:Free}"]),
        new("wallet.deposit by a treasurer of another organisation refused", "wallet_not_found", "treasurer:Basic", "/api/wallet/deposit", """{"address":"{W1}","amount":100}""", ["wallet", "deposit", "--wallet", "{W1}", "--amount", "100", "--as-key", "{key:treasurer:Basic}"]),
    ];

    [Fact]
    public async Task EveryAction_ThroughApiAndCli_SameOutcomeAndSameAuditRecords()
    {
        var api = await RunApiAsync();
        var cliRun = await RunCliAsync();
        var differences = new List<string>();
        for (var i = 0; i < Actions.Count; i++)
        {
            var row = Actions[i];
            var (a, c) = (api[i], cliRun[i]);
            if (a.Outcome != (row.Expected ?? "accepted"))
            {
                differences.Add($"{row.Name}: the API answered {a.Outcome}, expected {row.Expected ?? "accepted"}");
            }

            if (c.Outcome != (row.Expected ?? "accepted"))
            {
                differences.Add($"{row.Name}: the CLI answered {c.Outcome}, expected {row.Expected ?? "accepted"}");
            }

            if (!a.Audit.SequenceEqual(c.Audit))
            {
                differences.Add($"{row.Name}: audit differs\n  API: {string.Join("\n       ", a.Audit)}\n  CLI: {string.Join("\n       ", c.Audit)}");
            }

            if ((row.Expected is not null || Audited.Any(p => row.Name.StartsWith(p, StringComparison.Ordinal))) && a.Audit.Count == 0)
            {
                differences.Add($"{row.Name}: no audit record");
            }
        }

        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    /// <summary>
    /// The admin-only use cases refuse a treasurer's key from the CLI (<c>--as-key</c>) as the API's admin policy does:
    /// exit code 5, <c>role_forbidden</c> audited under the action, and nothing done (no NAV row, no status change).
    /// </summary>
    [Fact]
    public async Task AdminOnlyUseCases_FromTheCliWithATreasurersKey_AreRefusedRoleForbidden()
    {
        var directory = Path.Combine(Path.GetTempPath(), "arena-roles-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var db = Path.Combine(directory, "arena.db");
            async Task<int> Cli(params string[] args) => (await InProcessArena.RunAsync([.. args, "--db", db])).Code;

            Assert.Equal(0, await Cli("org", "create", "Role Church", "--type", "church", "--plan", "premium"));
            Assert.Equal(0, await Cli("tokens", "issue", "--strategy", "ma-trend", "--symbol", "ROLE"));
            var database = await ArenaDatabase.OpenAsync(db, TimeProvider.System);
            await using var audit = new SqlAuditLog(new PlatformDatabase(database), TimeProvider.System);
            var store = new SqlIdentityStore(new PlatformDatabase(database));
            var org = await store.FindOrganisationByNameAsync("Role Church", CancellationToken.None);
            var key = (await new IdentityService(store, audit, TimeProvider.System).IssueKeyAsync(Caller.Operator("roles"), org!.Id, "role treasurer", Role.Treasurer, CancellationToken.None)).Key;
            var seq = await HeadAsync(audit);

            var refused = new[]
            {
                ("nav.step", new[] { "nav", "--as-key", key }),
                ("hold.release", new[] { "holds", "release", "--id", NoHold, "--as-key", key }),
                ("hold.reject", new[] { "holds", "reject", "--id", NoHold, "--as-key", key }),
                ("token.pause", new[] { "tokens", "pause", "ROLE", "--reason", "roles", "--as-key", key }),
            };
            foreach (var (action, args) in refused)
            {
                Assert.Equal(5, await Cli(args));
            }

            Assert.Equal(3, await Cli("nav", "--as-key", "not-a-key"));
            var records = await audit.ReadAsync(seq, 100, CancellationToken.None);
            Assert.Equal(refused.Select(r => r.Item1), records.Select(r => r.Action));
            Assert.All(records, r =>
            {
                Assert.Equal(AuditOutcome.Refused, r.Outcome);
                Assert.Equal("role_forbidden", JsonNode.Parse(r.Detail)!["code"]!.GetValue<string>());
                Assert.Matches("^member-[0-9a-f]{12} \\(treasurer, key ", r.Actor); // members are audited by pseudonym
            });

            // The operator (no --as-key) still may: the token activates.
            Assert.Equal(0, await Cli("tokens", "activate", "ROLE", "--reason", "roles"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // a pooled connection still holds a file: the OS cleans the temp directory
            }
        }
    }

    private sealed record Answer(string Outcome, List<string> Audit);

    private async Task<List<Answer>> RunApiAsync()
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var keys = new Dictionary<string, string>(StringComparer.Ordinal) { ["admin"] = ArenaFactory.AdminKey };
        var audit = Factory.Services.GetRequiredService<IAuditLog>();
        var answers = new List<Answer>();
        var seq = await HeadAsync(audit);
        foreach (var row in Actions)
        {
            using var client = Factory.ClientWithKey(keys[row.Key]);
            var (status, body, _) = await Api.PostAsync(client, Fill(row.Path, labels), Fill(row.Body, labels));
            var outcome = (int)status < 300 ? "accepted" : body?["code"]?.GetValue<string>() ?? status.ToString();
            var (records, last) = await ReadAsync(audit, seq, row, labels, DateOnly.FromDateTime(Factory.Clock.GetUtcNow().UtcDateTime));
            seq = last;
            if (row.Capture is { } label && row.Name.StartsWith("org.create", StringComparison.Ordinal) && outcome == "accepted")
            {
                using var admin = Admin();
                keys["treasurer:" + label] = await Api.IssueKeyAsync(admin, labels[label], label + " treasurer", "treasurer");
                keys["viewer:" + label] = await Api.IssueKeyAsync(admin, labels[label], label + " viewer", "viewer");
                seq = await HeadAsync(audit); // the key's own audit record belongs to no row
            }

            answers.Add(new Answer(outcome, records));
        }

        return answers;
    }

    private static async Task<List<Answer>> RunCliAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "arena-parity-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var db = Path.Combine(directory, "arena.db");
            var disclosure = Path.Combine(directory, "disclosure.txt");
            await File.WriteAllTextAsync(disclosure, Disclosure);
            var database = await ArenaDatabase.OpenAsync(db, TimeProvider.System);
            await using var audit = new SqlAuditLog(new PlatformDatabase(database), TimeProvider.System);
            var labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["DisclosureFile"] = disclosure };
            var answers = new List<Answer>();
            var seq = await HeadAsync(audit);
            foreach (var row in Actions)
            {
                var (code, _, _) = await InProcessArena.RunAsync([.. row.Cli.Select(a => Fill(a, labels)), "--db", db]);
                var (records, last) = await ReadAsync(audit, seq, row, labels, DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime));
                seq = last;
                if (row.Capture is { } label && row.Name.StartsWith("org.create", StringComparison.Ordinal) && code == 0)
                {
                    // The members' keys, for the rows the CLI runs with --as-key (their own audit records belong to no row).
                    var identity = new IdentityService(new SqlIdentityStore(new PlatformDatabase(database)), audit, TimeProvider.System);
                    foreach (var role in new[] { Role.Treasurer, Role.Viewer })
                    {
                        var issued = await identity.IssueKeyAsync(Caller.Operator("parity"), Guid.Parse(labels[label]), label + " " + role.ToString().ToLowerInvariant(), role, CancellationToken.None);
                        labels["key:" + role.ToString().ToLowerInvariant() + ":" + label] = issued.Key;
                    }

                    seq = await HeadAsync(audit);
                }

                // The CLI prints `error: message`; its refusal code is the one its use case wrote into the audit chain.
                var refused = records.Select(r => JsonNode.Parse(r.Split(" | ")[^1])?["code"]?.GetValue<string>()).LastOrDefault(c => c is not null);
                answers.Add(new Answer(code == 0 ? "accepted" : refused ?? "exit " + code, records));
            }

            return answers;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // a pooled connection still holds a file: the OS cleans the temp directory
            }
        }
    }

    private static async Task<long> HeadAsync(IAuditLog audit)
    {
        var all = await audit.ReadAsync(0, 100_000, CancellationToken.None);
        return all.Count == 0 ? 0 : all[^1].Sequence;
    }

    /// <summary>
    /// The records written since <paramref name="after"/>, as "action | subject | outcome | detail" with ids replaced by
    /// labels, and a lifecycle change's <c>as_of</c> that is the door's own today (a token without NAV rows) named so.
    /// </summary>
    private static async Task<(List<string> Records, long Last)> ReadAsync(IAuditLog audit, long after, Row row, Dictionary<string, string> labels, DateOnly today)
    {
        var entries = await audit.ReadAsync(after, 1000, CancellationToken.None);
        if (row.Capture is { } label)
        {
            var created = entries.LastOrDefault(e => e.Action is "org.create" or "wallet.create" && e.Outcome == AuditOutcome.Done);
            if (created is not null)
            {
                labels[label] = created.Subject;
            }
        }

        var records = entries.Select(e => Normalise($"{e.Action} | {e.Subject} | {e.Outcome} | {e.Detail}", labels)
            .Replace("\"as_of\":\"" + today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "\"", "\"as_of\":\"{today}\"", StringComparison.Ordinal)).ToList();
        return (records, entries.Count == 0 ? after : entries[^1].Sequence);
    }

    private static string Fill(string text, Dictionary<string, string> labels)
    {
        foreach (var (label, value) in labels)
        {
            text = text.Replace("{" + label + "}", value, StringComparison.Ordinal);
        }

        return text;
    }

    private static string Normalise(string text, Dictionary<string, string> labels)
    {
        foreach (var (label, value) in labels)
        {
            text = text.Replace(value, "{" + label + "}", StringComparison.OrdinalIgnoreCase);
        }

        return text;
    }
}
