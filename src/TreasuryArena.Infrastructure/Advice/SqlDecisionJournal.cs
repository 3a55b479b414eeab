using Dapper;
using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Treasury;
using TreasuryArena.Infrastructure.Storage;

namespace TreasuryArena.Infrastructure.Advice;

/// <summary>
/// The decision journal and the model token spend in SQLite or PostgreSQL (table <c>advisor_journal</c>, one organisation's decisions (its <c>organisation_id</c>, migration 0500),
/// <c>advisor_token_usage</c>, migration 0200; <c>fills_json</c>, migration 0202). Ids are assigned as max + 1 inside a write transaction (on PostgreSQL
/// under a transaction-level advisory lock, so concurrent writers queue).
/// </summary>
public sealed class SqlDecisionJournal(ArenaDatabase database, Guid? organisationId = null) : IDecisionJournal, IAdvisorSpendLog
{
    /// <summary>Whose decisions these are (migration 0500); the platform treasury's when none is given.</summary>
    private readonly string _organisation = (organisationId ?? PlatformTreasury.OrganisationId).ToString();

    private const string Columns =
        "id AS Id, recorded_at AS RecordedAt, as_of AS AsOf, decision_json AS DecisionJson, inputs AS Inputs, prompt AS Prompt, raw_answer AS RawAnswer, " +
        "portfolio_json AS PortfolioJson, prices_json AS PricesJson, candidate_json AS CandidateJson, approved_json AS ApprovedJson, " +
        "interventions_json AS InterventionsJson, executed AS Executed, outcome_json AS OutcomeJson, fills_json AS FillsJson";

    public async Task<long> AppendAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var d = entry.Decision;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await LockAsync(connection, tx, cancellationToken);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COALESCE(MAX(id), 0) + 1 FROM advisor_journal", transaction: tx, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO advisor_journal (id, recorded_at, as_of, kind, advisor, action, confidence, reasoning, fallback_reason, latency_ms,
                model, input_tokens, output_tokens, decision_json, inputs, prompt, raw_answer, portfolio_json, prices_json, candidate_json,
                approved_json, interventions_json, executed, outcome_json, outcome_right, organisation_id)
            VALUES (@Id, @RecordedAt, @AsOf, @Kind, @Advisor, @Action, @Confidence, @Reasoning, @FallbackReason, @LatencyMs,
                @Model, @InputTokens, @OutputTokens, @DecisionJson, @Inputs, @Prompt, @RawAnswer, @PortfolioJson, @PricesJson, @CandidateJson,
                @ApprovedJson, @InterventionsJson, @Executed, @OutcomeJson, @OutcomeRight, @Organisation)
            """,
            new
            {
                Id = id,
                RecordedAt = database.InstantParameter(entry.RecordedAt),
                AsOf = Scaled.Date(entry.AsOf),
                Kind = AdviceJson.Write(d.Kind).Trim('"'),
                d.Advisor,
                Action = AdviceJson.Write(d.Action).Trim('"'),
                d.Confidence,
                d.Reasoning,
                d.FallbackReason,
                LatencyMs = (long)d.Latency.TotalMilliseconds,
                d.Usage?.Model,
                d.Usage?.InputTokens,
                d.Usage?.OutputTokens,
                DecisionJson = AdviceJson.Write(d with { Transcript = null }),
                entry.Inputs,
                entry.Prompt,
                entry.RawAnswer,
                PortfolioJson = AdviceJson.Write(entry.PortfolioBefore),
                PricesJson = AdviceJson.Write(entry.Prices),
                CandidateJson = AdviceJson.Write(entry.Candidate),
                ApprovedJson = AdviceJson.Write(entry.Approved),
                InterventionsJson = AdviceJson.Write(entry.Interventions),
                Executed = entry.Executed ? 1 : 0,
                OutcomeJson = entry.Outcome is null ? null : AdviceJson.Write(entry.Outcome),
                OutcomeRight = entry.Outcome?.Right is { } r ? (r ? 1 : 0) : (int?)null,
                Organisation = _organisation,
            },
            tx,
            cancellationToken: cancellationToken));
        await tx.CommitAsync(cancellationToken);
        return id;
    }

    public async Task<IReadOnlyList<JournalEntry>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM advisor_journal WHERE organisation_id = @Organisation ORDER BY id DESC LIMIT @Limit",
            new { Limit = (long)limit, Organisation = _organisation },
            cancellationToken: cancellationToken));
        return rows.Select(ToEntry).ToList();
    }

    public async Task<IReadOnlyList<JournalEntry>> PendingOutcomesAsync(DateOnly decidedOnOrBefore, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM advisor_journal WHERE organisation_id = @Organisation AND outcome_json IS NULL AND kind <> 'weekly_review' AND as_of <= @AsOf ORDER BY id",
            new { AsOf = Scaled.Date(decidedOnOrBefore), Organisation = _organisation },
            cancellationToken: cancellationToken));
        return rows.Select(ToEntry).ToList();
    }

    public async Task<JournalEntry?> DailyDecisionOnAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM advisor_journal WHERE organisation_id = @Organisation AND as_of = @AsOf AND kind IN ('daily_analysis', 'emergency_assessment') ORDER BY id DESC LIMIT 1",
            new { AsOf = Scaled.Date(asOf), Organisation = _organisation },
            cancellationToken: cancellationToken));
        return row is null ? null : ToEntry(row);
    }

    public async Task RecordOutcomeAsync(long id, DecisionOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE advisor_journal SET outcome_json = @Json, outcome_right = @Right WHERE id = @Id AND organisation_id = @Organisation",
            new { Id = id, Organisation = _organisation, Json = AdviceJson.Write(outcome), Right = outcome.Right is { } r ? (r ? 1 : 0) : (int?)null },
            cancellationToken: cancellationToken));
        if (changed != 1)
        {
            throw new ArgumentException($"no journal entry {id}");
        }
    }

    public async Task RecordFillsAsync(long id, IReadOnlyList<JournalFill> fills, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fills);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE advisor_journal SET fills_json = @Json, executed = @Executed WHERE id = @Id AND organisation_id = @Organisation",
            new { Id = id, Organisation = _organisation, Json = AdviceJson.Write(fills), Executed = fills.Count > 0 ? 1 : 0 },
            cancellationToken: cancellationToken));
        if (changed != 1)
        {
            throw new ArgumentException($"no journal entry {id}");
        }
    }

    public async Task<long> TokensUsedAsync(DateOnly day, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT tokens FROM advisor_token_usage WHERE day = @Day", new { Day = Scaled.Date(day) }, cancellationToken: cancellationToken)) ?? 0;
    }

    public async Task RecordAsync(DateOnly day, long tokens, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO advisor_token_usage (day, tokens) VALUES (@Day, @Tokens) ON CONFLICT (day) DO UPDATE SET tokens = advisor_token_usage.tokens + excluded.tokens",
            new { Day = Scaled.Date(day), Tokens = tokens },
            cancellationToken: cancellationToken));
    }

    private const long JournalLockKey = 0x0200_6164_7669_7365; // migration 0200, "advise"

    internal static async Task LockAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx, CancellationToken cancellationToken)
    {
        if (connection is Npgsql.NpgsqlConnection)
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@k)", new { k = JournalLockKey }, tx, cancellationToken: cancellationToken));
        }
    }

    private static DateTimeOffset ReadInstant(object value) => value switch
    {
        long ticks => new DateTimeOffset(ticks, TimeSpan.Zero),
        DateTimeOffset at => at.ToUniversalTime(),
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
        _ => throw new InvalidOperationException($"unexpected instant value {value.GetType().Name}"),
    };

    private static JournalEntry ToEntry(Row r) => new()
    {
        Id = r.Id,
        RecordedAt = ReadInstant(r.RecordedAt),
        AsOf = Scaled.ParseDate(r.AsOf),
        Decision = AdviceJson.Read<Decision>(r.DecisionJson) with { Transcript = r.Prompt is null ? null : new AdvisorTranscript(r.Prompt, r.RawAnswer) },
        Inputs = r.Inputs,
        Prompt = r.Prompt,
        RawAnswer = r.RawAnswer,
        PortfolioBefore = AdviceJson.Read<PortfolioSnapshot>(r.PortfolioJson),
        Prices = AdviceJson.Read<Dictionary<string, decimal>>(r.PricesJson),
        Candidate = AdviceJson.Read<List<TradeOrder>>(r.CandidateJson),
        Approved = AdviceJson.Read<List<TradeOrder>>(r.ApprovedJson),
        Interventions = AdviceJson.Read<List<GuardrailIntervention>>(r.InterventionsJson),
        Executed = r.Executed != 0,
        Outcome = r.OutcomeJson is null ? null : AdviceJson.Read<DecisionOutcome>(r.OutcomeJson),
        Fills = r.FillsJson is null ? [] : AdviceJson.Read<List<JournalFill>>(r.FillsJson),
    };

    /// <summary>One row as Dapper reads it (properties, so provider integer widths convert).</summary>
    private sealed class Row
    {
        public long Id { get; set; }

        public object RecordedAt { get; set; } = 0L;

        public string AsOf { get; set; } = "";

        public string DecisionJson { get; set; } = "";

        public string Inputs { get; set; } = "";

        public string? Prompt { get; set; }

        public string? RawAnswer { get; set; }

        public string PortfolioJson { get; set; } = "";

        public string PricesJson { get; set; } = "";

        public string CandidateJson { get; set; } = "";

        public string ApprovedJson { get; set; } = "";

        public string InterventionsJson { get; set; } = "";

        public long Executed { get; set; }

        public string? OutcomeJson { get; set; }

        public string? FillsJson { get; set; }
    }
}
