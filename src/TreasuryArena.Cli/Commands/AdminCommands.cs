using System.CommandLine;
using System.Globalization;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Identity;

namespace TreasuryArena.Cli;

/// <summary>
/// The operator's admin verbs (same use cases and audit chain as the API): <c>arena admin bootstrap|disclose</c>,
/// <c>arena org create|verify|attest|list</c>, <c>arena keys issue|revoke|list</c>, <c>arena audit verify</c>.
/// </summary>
internal static partial class CliCommands
{
    static partial void AddAdmin(RootCommand root)
    {
        var admin = new Command("admin", "Platform administration with direct database access");
        admin.Subcommands.Add(AdminBootstrapCommand());
        admin.Subcommands.Add(AdminDiscloseCommand());
        root.Subcommands.Add(admin);

        var org = new Command("org", "Organisations (church, trust, ministry): create, verify, attest, list, sign, review, export, erase-member");
        org.Subcommands.Add(AdminOrgCreateCommand());
        org.Subcommands.Add(AdminOrgVerifyCommand());
        org.Subcommands.Add(AdminOrgAttestCommand());
        org.Subcommands.Add(AdminOrgListCommand());
        AddOrgComplianceCommands(admin, org);
        root.Subcommands.Add(org);

        var keys = new Command("keys", "API keys: issue (shown once), revoke, list");
        keys.Subcommands.Add(AdminKeysIssueCommand());
        keys.Subcommands.Add(AdminKeysRevokeCommand());
        keys.Subcommands.Add(AdminKeysListCommand());
        root.Subcommands.Add(keys);

        var audit = new Command("audit", "The tamper-evident audit chain");
        audit.Subcommands.Add(AdminAuditVerifyCommand());
        root.Subcommands.Add(audit);
    }

    private static Option<bool> AdminJsonOption() => new("--json") { Description = "Print JSON (snake_case) instead of text" };

    private static Command AdminBootstrapCommand()
    {
        var db = CliDatabase.Option();
        var member = new Option<string>("--member") { Description = "Name of the admin member (default: admin)", DefaultValueFactory = _ => "admin" };
        var force = new Option<bool>("--force") { Description = "Issue another admin key even if one exists" };
        var json = AdminJsonOption();
        var cmd = new Command("bootstrap", "Create the first admin API key and print it once");
        foreach (var o in new Option[] { db, member, force, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) =>
        {
            await using var p = await PlatformCli.OpenAsync(parse.GetValue(db), ct);
            var issued = await AdminGuard(() => p.Identity.BootstrapAdminAsync(parse.GetValue(member)!, null, parse.GetValue(force), ct));
            if (issued is null)
            {
                throw new CliException("an admin key already exists; use --force to issue another");
            }

            AdminPrintKey(issued, parse.GetValue(json));
            return 0;
        });
        return cmd;
    }

    private static Command AdminDiscloseCommand()
    {
        var db = CliDatabase.Option();
        var version = new Option<string>("--version") { Description = "Document version, e.g. 2026-1", Required = true };
        var file = new Option<FileInfo>("--file") { Description = "The disclosure text (UTF-8)", Required = true };
        var json = AdminJsonOption();
        var cmd = new Command("disclose", "Publish a risk-disclosure document version (treasurers must attest before buying again)");
        foreach (var o in new Option[] { db, version, file, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) =>
        {
            var text = await ReadDocumentFileAsync(parse.GetValue(file)!, ct);
            await using var p = await PlatformCli.OpenAsync(parse.GetValue(db), ct);
            var doc = await AdminGuard(() => p.Compliance.PublishDisclosureAsync(PlatformCli.Operator, parse.GetValue(version)!, text, ct));
            AdminPrint(parse.GetValue(json), new { version = doc.Version, sha256 = doc.Sha256, published_at = doc.PublishedAt }, $"published risk disclosure {Shown(doc.Version)} (sha256 {doc.Sha256})");
            return 0;
        });
        return cmd;
    }

    private static Command AdminOrgCreateCommand()
    {
        var db = CliDatabase.Option();
        var name = new Argument<string>("NAME") { Description = "Organisation name" };
        var type = new Option<string>("--type") { Description = "church | trust | ministry (default church)", DefaultValueFactory = _ => "church" };
        var plan = new Option<string>("--plan") { Description = "free | basic | premium (default free)", DefaultValueFactory = _ => "free" };
        var json = AdminJsonOption();
        var cmd = new Command("create", "Create an organisation (pending until verified)");
        cmd.Arguments.Add(name);
        foreach (var o in new Option[] { db, type, plan, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) =>
        {
            var t = AdminParseEnum<OrganisationType>(parse.GetValue(type)!, "--type", "church, trust or ministry");
            var pl = AdminParseEnum<Plan>(parse.GetValue(plan)!, "--plan", "free, basic or premium");
            await using var p = await PlatformCli.OpenAsync(parse.GetValue(db), ct);
            var org = await AdminGuard(() => p.Identity.CreateOrganisationAsync(PlatformCli.Operator, parse.GetValue(name)!, t, pl, ct));
            AdminPrint(parse.GetValue(json), AdminOrgJson(org), $"created {AdminLower(org.Type)} '{Shown(org.Name)}' ({AdminLower(org.Plan)}) id {org.Id}");
            return 0;
        });
        return cmd;
    }

    private static Command AdminOrgVerifyCommand()
    {
        var db = CliDatabase.Option();
        var name = new Argument<string>("NAME") { Description = "Organisation name" };
        var registration = new Option<string>("--registration") { Description = "Registration number or EIN checked", Required = true };
        var reviewer = new Option<string>("--reviewer") { Description = "Who reviewed the evidence", Required = true };
        var entity = new Option<string?>("--entity-type") { Description = "Type of entity checked (default: the organisation's type)" };
        var json = AdminJsonOption();
        var cmd = new Command("verify", "Verify an organisation, recording the evidence (entity type, registration, reviewer, date)");
        cmd.Arguments.Add(name);
        foreach (var o in new Option[] { db, registration, reviewer, entity, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) =>
        {
            await using var p = await PlatformCli.OpenAsync(parse.GetValue(db), ct);
            var org = await p.RequireOrganisationAsync(parse.GetValue(name)!, ct);
            var evidence = await AdminGuard(() => p.Compliance.VerifyAsync(
                PlatformCli.Operator, org.Id, parse.GetValue(entity) ?? AdminLower(org.Type), parse.GetValue(registration)!, parse.GetValue(reviewer)!, ct));
            AdminPrint(
                parse.GetValue(json),
                new { id = org.Id, name = org.Name, status = "verified", entity_type = evidence.EntityType, registration = evidence.Registration, reviewer = evidence.Reviewer, verified_at = evidence.VerifiedAt },
                $"verified '{Shown(org.Name)}' ({Shown(evidence.EntityType)}, {Shown(evidence.Registration)}) reviewed by {Shown(evidence.Reviewer)}");
            return 0;
        });
        return cmd;
    }

    private static Command AdminOrgAttestCommand()
    {
        var db = CliDatabase.Option();
        var name = new Argument<string>("NAME") { Description = "Organisation name" };
        var signer = new Option<string>("--signer") { Description = "The treasurer who attests", Required = true };
        var version = new Option<string?>("--version") { Description = "Disclosure version (default: the current one)" };
        var json = AdminJsonOption();
        var cmd = new Command("attest", "Record the treasurer's attestation to the current risk-disclosure version");
        cmd.Arguments.Add(name);
        foreach (var o in new Option[] { db, signer, version, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) =>
        {
            await using var p = await PlatformCli.OpenAsync(parse.GetValue(db), ct);
            var org = await p.RequireOrganisationAsync(parse.GetValue(name)!, ct);
            var current = await p.ComplianceStore.CurrentDisclosureAsync(ct) ?? throw new CliException("no risk disclosure has been published (arena admin disclose)", Outcome.NoRiskDisclosure);
            var a = await AdminGuard(() => p.Compliance.AttestAsync(PlatformCli.Operator, org.Id, parse.GetValue(version) ?? current.Version, parse.GetValue(signer)!, ct));
            AdminPrint(
                parse.GetValue(json),
                new { organisation_id = org.Id, document_version = a.DocumentVersion, document_hash = a.DocumentHash, signer = a.Signer, attested_at = a.AttestedAt },
                $"'{Shown(org.Name)}' attested to risk disclosure {Shown(a.DocumentVersion)} (sha256 {a.DocumentHash}) signed by {Shown(a.Signer)}");
            return 0;
        });
        return cmd;
    }

    private static Command AdminOrgListCommand()
    {
        var db = CliDatabase.ExistingOption();
        var json = AdminJsonOption();
        var cmd = new Command("list", "List organisations");
        cmd.Options.Add(db);
        cmd.Options.Add(json);
        cmd.SetAction(async (parse, ct) =>
        {
            await using var p = await PlatformCli.OpenAsync(parse.GetValue(db), ct);
            var orgs = await p.IdentityStore.ListOrganisationsAsync(ct);
            if (parse.GetValue(json))
            {
                CliJson.Write(orgs.Select(AdminOrgJson).ToList());
            }
            else
            {
                foreach (var o in orgs)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{o.Id}  {AdminLower(o.Type),-8} {AdminLower(o.Plan),-7} {AdminLower(o.Status),-8} {Shown(o.Name)}"));
                }
            }

            return 0;
        });
        return cmd;
    }

    private static Command AdminKeysIssueCommand()
    {
        var db = CliDatabase.Option();
        var org = new Option<string?>("--org") { Description = "Organisation name (not for admin keys)" };
        var role = new Option<string>("--role") { Description = "admin | treasurer | viewer | approver", Required = true };
        var member = new Option<string?>("--member") { Description = "Member the key belongs to (default: <role>)" };
        var json = AdminJsonOption();
        var cmd = new Command("issue", "Issue an API key and print it once (it is stored only as a hash)");
        foreach (var o in new Option[] { db, org, role, member, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) =>
        {
            var r = AdminParseEnum<Role>(parse.GetValue(role)!, "--role", "admin, treasurer, viewer or approver");
            var orgName = parse.GetValue(org);
            if (r != Role.Admin && string.IsNullOrWhiteSpace(orgName))
            {
                throw new CliException("--org is required for treasurer, viewer and approver keys");
            }

            if (r == Role.Admin && !string.IsNullOrWhiteSpace(orgName))
            {
                throw new CliException("admin keys belong to no organisation: drop --org");
            }

            await using var p = await PlatformCli.OpenAsync(parse.GetValue(db), ct);
            Guid? orgId = orgName is null ? null : (await p.RequireOrganisationAsync(orgName, ct)).Id;
            var issued = await AdminGuard(() => p.Identity.IssueKeyAsync(PlatformCli.Operator, orgId, parse.GetValue(member) ?? AdminLower(r), r, ct));
            AdminPrintKey(issued, parse.GetValue(json));
            return 0;
        });
        return cmd;
    }

    private static Command AdminKeysRevokeCommand()
    {
        var db = CliDatabase.Option();
        var key = new Argument<string>("KEY") { Description = "The key's id, or the key itself" };
        var json = AdminJsonOption();
        var cmd = new Command("revoke", "Revoke an API key (by id or by the key itself)");
        cmd.Arguments.Add(key);
        cmd.Options.Add(db);
        cmd.Options.Add(json);
        cmd.SetAction(async (parse, ct) =>
        {
            var value = parse.GetValue(key)!.Trim();
            await using var p = await PlatformCli.OpenAsync(parse.GetValue(db), ct);
            Guid id;
            if (!Guid.TryParse(value, out id))
            {
                var found = await p.IdentityStore.FindKeyByHashAsync(ApiKeySecret.Hash(value), ct) ?? throw new CliException("no such key", Outcome.KeyNotFound);
                id = found.Key.Id;
            }

            await AdminGuard(async () =>
            {
                await p.Identity.RevokeKeyAsync(PlatformCli.Operator, id, null, ct);
                return 0;
            });
            AdminPrint(parse.GetValue(json), new { id, revoked = true }, $"revoked key {id}");
            return 0;
        });
        return cmd;
    }

    private static Command AdminKeysListCommand()
    {
        var db = CliDatabase.ExistingOption();
        var org = new Option<string?>("--org") { Description = "Only this organisation's keys" };
        var json = AdminJsonOption();
        var cmd = new Command("list", "List API keys (ids and prefixes, never the keys)");
        foreach (var o in new Option[] { db, org, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) =>
        {
            await using var p = await PlatformCli.OpenAsync(parse.GetValue(db), ct);
            Guid? orgId = parse.GetValue(org) is { } n ? (await p.RequireOrganisationAsync(n, ct)).Id : null;
            var keys = await p.IdentityStore.ListKeysAsync(orgId, ct);
            var members = new Dictionary<Guid, string?>();
            foreach (var k in keys)
            {
                members.TryAdd(k.MemberId, (await p.IdentityStore.FindMemberAsync(k.MemberId, ct))?.Name);
            }

            var rows = keys.Select(k => new { id = k.Id, prefix = k.Prefix, member = members[k.MemberId], role = AdminLower(k.Role), organisation_id = k.OrganisationId, created_at = k.CreatedAt, revoked_at = k.RevokedAt }).ToList();
            if (parse.GetValue(json))
            {
                CliJson.Write(rows);
            }
            else
            {
                foreach (var k in rows)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{k.id}  {k.prefix}…  {Shown(k.member)}  {k.role,-9} {(k.revoked_at is null ? "active" : "revoked")}"));
                }
            }

            return 0;
        });
        return cmd;
    }

    private static Command AdminAuditVerifyCommand()
    {
        var db = CliDatabase.ExistingOption();
        var json = AdminJsonOption();
        var cmd = new Command("verify", "Walk the audit chain and the ledger; exit 1 when anything was tampered with");
        cmd.Options.Add(db);
        cmd.Options.Add(json);
        cmd.SetAction(async (parse, ct) =>
        {
            await using var p = await PlatformCli.OpenAsync(parse.GetValue(db), ct);
            var audit = await p.Audit.VerifyAsync(ct);
            await using var journal = p.Platform.Arena.CreateLedgerJournal();
            var ledger = await Core.Ledger.LedgerVerifier.VerifyAsync(journal, ct);
            var ok = audit.Valid && ledger.Ok;
            AdminPrint(
                parse.GetValue(json),
                new
                {
                    valid = ok,
                    audit = new { valid = audit.Valid, entries = audit.Entries, first_bad_sequence = audit.FirstBadSequence, problem = audit.Problem },
                    ledger = new { ok = ledger.Ok, entries = ledger.Entries, violations = ledger.ViolationCount },
                },
                ok
                    ? $"ok: audit chain {audit.Entries} entries intact; ledger {ledger.Entries} entries verified"
                    : $"BROKEN: audit {(audit.Valid ? "ok" : $"breaks at entry {audit.FirstBadSequence}: {audit.Problem}")}; ledger {(ledger.Ok ? "ok" : $"{ledger.ViolationCount} violations")}");
            return ok ? 0 : 1;
        });
        return cmd;
    }

    private static void AdminPrintKey(IssuedApiKey issued, bool json) =>
        AdminPrint(
            json,
            new { id = issued.Record.Id, key = issued.Key, member = issued.MemberName, role = AdminLower(issued.Record.Role), organisation_id = issued.Record.OrganisationId, prefix = issued.Record.Prefix },
            $"{issued.Key}\n(key id {issued.Record.Id}, {AdminLower(issued.Record.Role)} for {Shown(issued.MemberName)}; shown once, store it now)");

    private static object AdminOrgJson(Organisation o) =>
        new { id = o.Id, name = o.Name, type = AdminLower(o.Type), plan = AdminLower(o.Plan), status = AdminLower(o.Status), created_at = o.CreatedAt };

    private static void AdminPrint(bool json, object value, string text)
    {
        if (json)
        {
            CliJson.Write(value);
        }
        else
        {
            Console.WriteLine(text);
        }
    }

    private static T AdminParseEnum<T>(string value, string option, string allowed)
        where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && !int.TryParse(value, out _)
            ? parsed
            : throw new CliException($"{option} must be {allowed}, not '{value}'");

    /// <summary>A stored name or text as it may be printed: control, bidi and escape characters shown as <c>\u{XXXX}</c> (<see cref="FreeText.ForDisplay"/>).</summary>
    private static string Shown(string? text) => FreeText.ForDisplay(text);

    private static string AdminLower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static async Task<T> AdminGuard<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (DomainException ex)
        {
            throw new CliException(ex);
        }
    }
}
