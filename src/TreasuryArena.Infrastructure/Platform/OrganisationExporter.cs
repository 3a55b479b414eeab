using Dapper;
using TreasuryArena.Core.Identity;

namespace TreasuryArena.Infrastructure.Platform;

/// <summary>
/// Data portability: every record of one organisation as plain rows — the organisation, its members, its API keys
/// (ids, roles and dates; never a key, its hash or its prefix), verifications, attestations, ESIGN signatures, review
/// marks, held trades, notifications, its wallets with their balances and every ledger entry debiting or crediting one
/// of them, and the audit entries whose subject is the organisation or one of its wallets. Instant columns (UTC ticks
/// in storage) are written as ISO 8601.
/// </summary>
public sealed class OrganisationExporter(PlatformDatabase database)
{
    /// <summary>The export's sections in order; each is a list of rows (column → value).</summary>
    public async Task<IReadOnlyDictionary<string, object?>> ExportAsync(Organisation organisation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        await using var c = await database.OpenAsync(ct);
        var org = new { Org = organisation.Id.ToString() };

        async Task<List<Dictionary<string, object?>>> Rows(string sql, object param) =>
            [.. (await c.QueryAsync(new CommandDefinition(sql, param, cancellationToken: ct))).Select(Row)];

        var wallets = await Rows("SELECT * FROM ledger_wallets WHERE organisation = @Org ORDER BY address", org);
        var addresses = wallets.Select(w => Convert.ToString(w["address"], System.Globalization.CultureInfo.InvariantCulture)!).ToList();
        var accounts = addresses.Select(a => "wallet:" + a).ToList();
        var subjects = addresses.Append(organisation.Id.ToString()).ToList();
        // A list parameter: Npgsql takes it as one array (= ANY), SQLite through Dapper's IN expansion.
        var inList = database.IsPostgreSql ? "= ANY(@{0})" : "IN @{0}";
        string In(string column, string parameter) => column + " " + string.Format(System.Globalization.CultureInfo.InvariantCulture, inList, parameter);
        var export = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["format"] = "treasury-arena-organisation-export/1",
            ["organisation"] = (await Rows("SELECT * FROM organisations WHERE id = @Org", org)).FirstOrDefault(),
            ["members"] = await Rows("SELECT id, name, created_at FROM members WHERE organisation_key = @Org ORDER BY created_at, id", org),
            ["api_keys"] = await Rows("SELECT id, member_id, organisation_id, role, created_at, revoked_at FROM api_keys WHERE organisation_id = @Org ORDER BY created_at, id", org),
            ["verifications"] = await Rows("SELECT * FROM org_verifications WHERE organisation_id = @Org ORDER BY verified_at", org),
            ["attestations"] = await Rows("SELECT * FROM attestations WHERE organisation_id = @Org ORDER BY attested_at", org),
            ["signatures"] = await Rows("SELECT * FROM signatures WHERE organisation_id = @Org ORDER BY signed_at, id", org),
            ["compliance_review_marks"] = await Rows("SELECT * FROM compliance_review_marks WHERE organisation_id = @Org ORDER BY marked_at", org),
            ["held_trades"] = await Rows("SELECT * FROM held_trades WHERE organisation_id = @Org ORDER BY held_at, id", org),
            ["notifications"] = await Rows("SELECT * FROM notifications WHERE organisation_id = @Org ORDER BY at, id", org),
            ["wallets"] = wallets,
            ["balances"] = accounts.Count == 0 ? [] : await Rows($"SELECT * FROM ledger_balances WHERE {In("account", "Accounts")} ORDER BY account, unit", new { Accounts = accounts.ToArray() }),
            ["ledger_entries"] = accounts.Count == 0 ? [] : await Rows(
                $"SELECT * FROM ledger_entries WHERE {In("from_account", "Accounts")} OR {In("to_account", "Accounts")} ORDER BY seq", new { Accounts = accounts.ToArray() }),
            ["audit_entries"] = await Rows($"SELECT * FROM audit_log WHERE {In("subject", "Subjects")} ORDER BY seq", new { Subjects = subjects.ToArray() }),
        };
        return export;
    }

    private static Dictionary<string, object?> Row(dynamic row)
    {
        var values = (IDictionary<string, object?>)row;
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (column, value) in values)
        {
            result[column] = IsInstant(column) && value is long ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : value;
        }

        return result;
    }

    private static bool IsInstant(string column) =>
        column is "at" || column.EndsWith("_at", StringComparison.Ordinal);
}
