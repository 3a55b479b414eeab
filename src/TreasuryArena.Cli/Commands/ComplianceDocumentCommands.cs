using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using TreasuryArena.Core.Application;
using TreasuryArena.Core.Compliance;

namespace TreasuryArena.Cli;

/// <summary>
/// Compliance documents and the yearly review at the CLI (thin adapters over <see cref="ComplianceDocumentUseCases"/>):
/// <c>arena admin publish-document</c>, <c>arena org sign|signatures|review|export|erase-member</c>.
/// </summary>
internal static partial class CliCommands
{
    private static void AddOrgComplianceCommands(Command admin, Command org)
    {
        admin.Subcommands.Add(PublishDocumentCommand());
        org.Subcommands.Add(OrgSignCommand());
        org.Subcommands.Add(OrgSignaturesCommand());
        org.Subcommands.Add(OrgReviewCommand());
        org.Subcommands.Add(OrgExportCommand());
        org.Subcommands.Add(OrgEraseMemberCommand());
    }

    private static Option<string> OrgNameOption() => new("--org") { Description = "Organisation name", Required = true };

    private static string KindCodes => string.Join(" | ", ComplianceDocumentKinds.All.Select(k => k.Code()));

    private static Command PublishDocumentCommand()
    {
        var db = CliDatabase.Option();
        var kind = new Option<string>("--kind") { Description = KindCodes, Required = true };
        var version = new Option<string>("--version") { Description = "Document version, e.g. 2026-1", Required = true };
        var file = new Option<FileInfo>("--file") { Description = "The document text (UTF-8)", Required = true };
        var json = AdminJsonOption();
        var cmd = new Command("publish-document", "Publish a version of a compliance document (treasurers sign it again)");
        foreach (var o in new Option[] { db, kind, version, file, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) =>
        {
            var text = await ReadDocumentFileAsync(parse.GetValue(file)!, ct);
            await using var p = await PlatformCli.OpenAsync(parse.GetValue(db), ct);
            var doc = await AdminGuard(() => p.Documents.PublishAsync(PlatformCli.Operator, parse.GetValue(kind)!, parse.GetValue(version)!, text, ct));
            AdminPrint(parse.GetValue(json), new { kind = doc.Kind.Code(), version = doc.Version, sha256 = doc.Sha256, published_at = doc.PublishedAt },
                $"published {doc.Kind.Code()} {Shown(doc.Version)} (sha256 {doc.Sha256})");
            return 0;
        });
        return cmd;
    }

    private static Command OrgSignCommand()
    {
        var db = CliDatabase.Option();
        var org = OrgNameOption();
        var kind = new Option<string>("--kind") { Description = KindCodes, Required = true };
        var typedName = new Option<string>("--typed-name") { Description = "The signer's full name, typed", Required = true };
        var consent = new Option<bool>("--consent") { Description = "I agree to sign electronically: " + ComplianceDocumentUseCases.ConsentText };
        var version = new Option<string?>("--version") { Description = "The version signed (default: the current one)" };
        var json = AdminJsonOption();
        var cmd = new Command("sign", "Sign the current version of a compliance document (ESIGN record; use --as-key with the treasurer's key)");
        foreach (var o in new Option[] { db, org, kind, typedName, consent, version, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) =>
        {
            await using var p = await PlatformCli.OpenAsync(parse.GetValue(db), ct);
            var o = await p.RequireOrganisationAsync(parse.GetValue(org)!, ct);
            var s = await AdminGuard(() => p.Documents.SignAsync(PlatformCli.Operator, o.Id, parse.GetValue(kind)!, parse.GetValue(version), parse.GetValue(typedName)!, parse.GetValue(consent), ct));
            AdminPrint(parse.GetValue(json), SignatureJson(s),
                $"'{Shown(o.Name)}' signed {s.Kind.Code()} {Shown(s.DocumentVersion)} (sha256 {s.DocumentHash}) as {Shown(s.TypedName)}, signature {s.Id}");
            return 0;
        });
        return cmd;
    }

    private static Command OrgSignaturesCommand()
    {
        var db = CliDatabase.ExistingOption();
        var org = OrgNameOption();
        var json = AdminJsonOption();
        var cmd = new Command("signatures", "List an organisation's electronic signature records");
        foreach (var o in new Option[] { db, org, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) =>
        {
            await using var p = await PlatformCli.OpenAsync(parse.GetValue(db), ct);
            var o = await p.RequireOrganisationAsync(parse.GetValue(org)!, ct);
            var list = await AdminGuard(() => p.Documents.SignaturesAsync(PlatformCli.Operator, o.Id, ct));
            if (parse.GetValue(json))
            {
                CliJson.Write(list.Select(SignatureJson).ToList());
                return 0;
            }

            foreach (var s in list)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{s.SignedAt:yyyy-MM-dd HH:mm}Z  {s.Kind.Code(),-28} {Shown(s.DocumentVersion),-10} sha256 {s.DocumentHash[..12]}…  {Shown(s.TypedName)} (member {s.MemberId}, key {s.KeyId})"));
            }

            return 0;
        });
        return cmd;
    }

    private static Command OrgReviewCommand()
    {
        var db = CliDatabase.Option();
        var org = OrgNameOption();
        var mark = new Option<string?>("--mark") { Description = "Mark an item reviewed first: " + string.Join(" | ", ComplianceDocumentUseCases.MarkableItems) };
        var json = AdminJsonOption();
        var cmd = new Command("review", "The yearly compliance review: items, due dates, overdue ones (exit 0 either way)");
        foreach (var o in new Option[] { db, org, mark, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) =>
        {
            await using var p = await PlatformCli.OpenAsync(parse.GetValue(db), ct);
            var o = await p.RequireOrganisationAsync(parse.GetValue(org)!, ct);
            if (parse.GetValue(mark) is { } item)
            {
                await AdminGuard(() => p.Documents.MarkReviewedAsync(PlatformCli.Operator, o.Id, item, ct));
            }

            var review = await AdminGuard(() => p.Documents.ReviewAsync(PlatformCli.Operator, o.Id, ct));
            if (parse.GetValue(json))
            {
                CliJson.Write(new
                {
                    organisation_id = review.OrganisationId,
                    as_of = review.AsOf,
                    items = review.Items.Select(i => new { item = i.Item, last_done_at = i.LastDoneAt, due_at = i.DueAt, overdue = i.Overdue, detail = i.Detail }).ToList(),
                    overdue = review.OverdueItems.Select(i => i.Item).ToList(),
                });
                return 0;
            }

            foreach (var i in review.Items)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{(i.Overdue ? "OVERDUE" : "ok"),-8} {i.Item,-40} due {i.DueAt:yyyy-MM-dd}  {Shown(i.Detail)}"));
            }

            Console.WriteLine(review.OverdueItems.Count == 0 ? "nothing overdue" : string.Create(CultureInfo.InvariantCulture, $"{review.OverdueItems.Count} item(s) overdue"));
            return 0;
        });
        return cmd;
    }

    private static Command OrgExportCommand()
    {
        var db = CliDatabase.ExistingOption();
        var org = OrgNameOption();
        var output = new Option<FileInfo?>("--out") { Description = "Write the JSON here (default: standard output)" };
        var cmd = new Command("export", "Write all of an organisation's records as JSON (data portability; no secrets)");
        foreach (var o in new Option[] { db, org, output })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) =>
        {
            await using var p = await PlatformCli.OpenAsync(parse.GetValue(db), ct);
            var o = await p.RequireOrganisationAsync(parse.GetValue(org)!, ct);
            var export = await p.Exporter.ExportAsync(o, ct);
            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, JsonSerializer.Serialize(export, CliJson.Indented), ct);
                Console.WriteLine($"wrote the records of '{Shown(o.Name)}' to {file.FullName}");
            }
            else
            {
                CliJson.Write(export, indented: true);
            }

            return 0;
        });
        return cmd;
    }

    private static Command OrgEraseMemberCommand()
    {
        var db = CliDatabase.Option();
        var org = OrgNameOption();
        var member = new Option<string>("--member") { Description = "The member whose personal data is erased", Required = true };
        var json = AdminJsonOption();
        var cmd = new Command("erase-member", "Erase a member's personal data: name becomes a pseudonym, keys revoked; ledger and audit chain stay verifiable");
        foreach (var o in new Option[] { db, org, member, json })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (parse, ct) =>
        {
            await using var p = await PlatformCli.OpenAsync(parse.GetValue(db), ct);
            var o = await p.RequireOrganisationAsync(parse.GetValue(org)!, ct);
            var e = await AdminGuard(() => p.Documents.EraseMemberAsync(PlatformCli.Operator, o.Id, parse.GetValue(member)!, ct));
            AdminPrint(parse.GetValue(json), new { member_id = e.Member.Id, pseudonym = e.Pseudonym, keys_revoked = e.RevokedKeys.Count },
                string.Create(CultureInfo.InvariantCulture, $"erased member {e.Member.Id}: now {e.Pseudonym}, {e.RevokedKeys.Count} key(s) revoked"));
            return 0;
        });
        return cmd;
    }

    /// <summary>The text of a document file (<c>--file</c>), refused when it does not exist.</summary>
    private static async Task<string> ReadDocumentFileAsync(FileInfo path, CancellationToken ct) =>
        path.Exists ? await File.ReadAllTextAsync(path.FullName, ct) : throw new CliException($"--file: {path.FullName} does not exist");

    private static object SignatureJson(SignatureRecord s) => new
    {
        id = s.Id,
        organisation_id = s.OrganisationId,
        kind = s.Kind.Code(),
        document_version = s.DocumentVersion,
        document_hash = s.DocumentHash,
        typed_name = s.TypedName,
        consent = s.Consent,
        consent_text = s.ConsentText,
        member_id = s.MemberId,
        key_id = s.KeyId,
        signed_at = s.SignedAt,
    };
}
