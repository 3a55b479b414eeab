using System.Text;
using TreasuryArena.Core.Ledger;

namespace TreasuryArena.Core.Common;

/// <summary>
/// The one table from <see cref="Outcome"/> to what users see: the snake_case <c>code</c> (derived from the member's
/// name, <see cref="Outcome.InsufficientCash"/> → <c>insufficient_cash</c>), the HTTP status and problem type the API
/// answers with, and the exit code of the <c>arena</c> command. The server's exception handler and problem results and
/// the CLI's error handling all read it; no status or exit code is guessed from a code's spelling. A test checks that
/// every member has a row.
/// </summary>
public static class OutcomeTable
{
    public const string ProblemTypeBase = "https://treasury-arena.example/problems/";

    private const int Ok200 = 200, Accepted202 = 202, BadRequest400 = 400, Unauthorized401 = 401, Forbidden403 = 403, NotFound404 = 404,
        MethodNotAllowed405 = 405, Conflict409 = 409, TooLarge413 = 413, UnsupportedMediaType415 = 415, Unprocessable422 = 422, TooMany429 = 429,
        ServerError500 = 500, Unavailable503 = 503;

    private static readonly (Outcome Outcome, int Status, ExitCode Exit)[] Table =
    [
        (Outcome.Ok, Ok200, ExitCode.Ok),

        (Outcome.InvalidRequest, BadRequest400, ExitCode.InvalidInput),
        (Outcome.BodyTooLarge, TooLarge413, ExitCode.InvalidInput),
        (Outcome.RateLimited, TooMany429, ExitCode.Refused),
        (Outcome.InvalidIdempotencyKey, BadRequest400, ExitCode.InvalidInput),
        (Outcome.IdempotencyKeyReused, Unprocessable422, ExitCode.Conflict),
        (Outcome.IdempotencyConflict, Conflict409, ExitCode.Conflict),
        (Outcome.InvalidLimit, BadRequest400, ExitCode.InvalidInput),
        (Outcome.Unauthenticated, Unauthorized401, ExitCode.Refused),
        (Outcome.NotFound, NotFound404, ExitCode.NotFound),
        (Outcome.MethodNotAllowed, MethodNotAllowed405, ExitCode.InvalidInput),
        (Outcome.UnsupportedMediaType, UnsupportedMediaType415, ExitCode.InvalidInput),
        (Outcome.InvalidFreeText, BadRequest400, ExitCode.InvalidInput),
        (Outcome.InvalidQuery, BadRequest400, ExitCode.InvalidInput),
        (Outcome.TreasuryNotFound, NotFound404, ExitCode.NotFound),
        (Outcome.TreasuryExists, Conflict409, ExitCode.Conflict),
        (Outcome.InvalidPolicy, BadRequest400, ExitCode.InvalidInput),
        (Outcome.PolicyBreach, Unprocessable422, ExitCode.Refused),
        (Outcome.PolicyConflict, Conflict409, ExitCode.Conflict),

        (Outcome.InvalidAmount, Unprocessable422, ExitCode.InvalidInput),
        (Outcome.InsufficientCash, Unprocessable422, ExitCode.Refused),
        (Outcome.InsufficientShares, Unprocessable422, ExitCode.Refused),
        (Outcome.TokenNotTradable, Unprocessable422, ExitCode.Refused),
        (Outcome.WalletNotFound, NotFound404, ExitCode.NotFound),
        (Outcome.UnknownToken, NotFound404, ExitCode.NotFound),
        (Outcome.TokenExists, Conflict409, ExitCode.Conflict),
        (Outcome.InvalidSymbol, Unprocessable422, ExitCode.InvalidInput),
        (Outcome.IllegalTransition, Conflict409, ExitCode.Conflict),

        (Outcome.LedgerCommitFailed, Unavailable503, ExitCode.Failed),
        (Outcome.LedgerConflict, Unavailable503, ExitCode.Failed),
        (Outcome.LedgerFork, ServerError500, ExitCode.Failed),
        (Outcome.LedgerHead, ServerError500, ExitCode.Failed),
        (Outcome.LedgerSequence, ServerError500, ExitCode.Failed),
        (Outcome.LedgerEntryKind, ServerError500, ExitCode.Failed),
        (Outcome.LedgerNegativeBalance, ServerError500, ExitCode.Failed),
        (Outcome.LedgerTreasury, ServerError500, ExitCode.Failed),
        (Outcome.CurrencyMismatch, ServerError500, ExitCode.Failed),
        (Outcome.ScaleOverflow, Unprocessable422, ExitCode.InvalidInput),

        (Outcome.OrganisationNotFound, NotFound404, ExitCode.NotFound),
        (Outcome.UnknownOrganisation, NotFound404, ExitCode.NotFound),
        (Outcome.OrganisationExists, Conflict409, ExitCode.Conflict),
        (Outcome.OrganisationRequired, Unprocessable422, ExitCode.InvalidInput),
        (Outcome.KeyNotFound, NotFound404, ExitCode.NotFound),
        (Outcome.KeyAlreadyRevoked, Conflict409, ExitCode.Conflict),
        (Outcome.BootstrapKeyTooShort, Unprocessable422, ExitCode.InvalidInput),
        (Outcome.InvalidRole, Unprocessable422, ExitCode.InvalidInput),
        (Outcome.InvalidName, BadRequest400, ExitCode.InvalidInput),
        (Outcome.InvalidMember, BadRequest400, ExitCode.InvalidInput),
        (Outcome.RoleForbidden, Forbidden403, ExitCode.Refused),

        (Outcome.PlatformHalted, Forbidden403, ExitCode.Refused),
        (Outcome.OrganisationNotVerified, Forbidden403, ExitCode.Refused),
        (Outcome.NoRiskDisclosure, Forbidden403, ExitCode.Refused),
        (Outcome.AttestationRequired, Forbidden403, ExitCode.Refused),
        (Outcome.NotCurrentDisclosure, Unprocessable422, ExitCode.Refused),
        (Outcome.DisclosureVersionExists, Conflict409, ExitCode.Conflict),
        (Outcome.InvalidText, BadRequest400, ExitCode.InvalidInput),
        (Outcome.InvalidEntityType, BadRequest400, ExitCode.InvalidInput),
        (Outcome.InvalidRegistration, BadRequest400, ExitCode.InvalidInput),
        (Outcome.InvalidReviewer, BadRequest400, ExitCode.InvalidInput),
        (Outcome.InvalidReason, BadRequest400, ExitCode.InvalidInput),
        (Outcome.InvalidVersion, BadRequest400, ExitCode.InvalidInput),
        (Outcome.InvalidDocumentVersion, BadRequest400, ExitCode.InvalidInput),
        (Outcome.InvalidSigner, BadRequest400, ExitCode.InvalidInput),
        (Outcome.HeldForReview, Accepted202, ExitCode.Ok),
        (Outcome.AwaitingSecondApproval, Accepted202, ExitCode.Ok),
        (Outcome.ApprovalNotFound, NotFound404, ExitCode.NotFound),
        (Outcome.ApprovalClosed, Conflict409, ExitCode.Conflict),
        (Outcome.ApprovalExpired, Conflict409, ExitCode.Conflict),
        (Outcome.SameApprover, Conflict409, ExitCode.Conflict),
        (Outcome.HoldNotFound, NotFound404, ExitCode.NotFound),
        (Outcome.HoldAlreadyDecided, Conflict409, ExitCode.Conflict),
        (Outcome.HoldExpired, Conflict409, ExitCode.Conflict),
        (Outcome.NotAPlan, Unprocessable422, ExitCode.Refused),

        (Outcome.PlanLimit, Unprocessable422, ExitCode.Refused),
        (Outcome.UnknownWallet, NotFound404, ExitCode.NotFound),
        (Outcome.WalletRefused, Unprocessable422, ExitCode.Refused),
        (Outcome.DepositRefused, Unprocessable422, ExitCode.Refused),
        (Outcome.UnknownProposal, NotFound404, ExitCode.NotFound),
        (Outcome.ProposalNotFound, NotFound404, ExitCode.NotFound),
        (Outcome.ProposalClosed, Conflict409, ExitCode.Conflict),
        (Outcome.ProposalExpired, Conflict409, ExitCode.Conflict),

        (Outcome.UnknownStrategy, Unprocessable422, ExitCode.InvalidInput),
        (Outcome.BadParameter, Unprocessable422, ExitCode.InvalidInput),
        (Outcome.InvalidSpec, Unprocessable422, ExitCode.InvalidInput),
        (Outcome.BadInception, Unprocessable422, ExitCode.InvalidInput),
        (Outcome.BeforeInception, Unprocessable422, ExitCode.InvalidInput),
        (Outcome.InvalidStatus, Conflict409, ExitCode.Conflict),
        (Outcome.InvalidTransition, Conflict409, ExitCode.Conflict),
        (Outcome.TokenNotPaused, Conflict409, ExitCode.Conflict),
        (Outcome.AlreadyRetired, Conflict409, ExitCode.Conflict),
        (Outcome.StatusRefused, Unprocessable422, ExitCode.Refused),
        (Outcome.SettlementFailed, Unprocessable422, ExitCode.Refused),
        (Outcome.RevalueRefused, Unprocessable422, ExitCode.Refused),
        (Outcome.FeesRefused, Unprocessable422, ExitCode.Refused),
        (Outcome.NoHurdleRates, Unprocessable422, ExitCode.Refused),
        (Outcome.BackingOutOfData, Unprocessable422, ExitCode.Refused),
        (Outcome.InvalidFeeRate, Unprocessable422, ExitCode.InvalidInput),
        (Outcome.InvalidHurdle, Unprocessable422, ExitCode.InvalidInput),

        (Outcome.TreasuryDateUnavailable, Unprocessable422, ExitCode.InvalidInput),
        (Outcome.PdfUnavailable, Unavailable503, ExitCode.Failed),
        (Outcome.NoEvaluation, NotFound404, ExitCode.NotFound),
        (Outcome.NoData, Unprocessable422, ExitCode.InvalidInput),
        (Outcome.HolderBuyRefused, Unprocessable422, ExitCode.Refused),
        (Outcome.JobNotFound, NotFound404, ExitCode.NotFound),
        (Outcome.BadBacktest, Unprocessable422, ExitCode.InvalidInput),

        (Outcome.BadFile, Unprocessable422, ExitCode.InvalidInput),
        (Outcome.InvalidInput, Unprocessable422, ExitCode.InvalidInput),
        (Outcome.TooFewPoints, Unprocessable422, ExitCode.InvalidInput),
        (Outcome.NonPositivePrice, Unprocessable422, ExitCode.InvalidInput),
        (Outcome.InvalidReturn, Unprocessable422, ExitCode.InvalidInput),
        (Outcome.NoAssets, Unprocessable422, ExitCode.InvalidInput),
        (Outcome.BadAsset, Unprocessable422, ExitCode.InvalidInput),
        (Outcome.DuplicateAsset, Unprocessable422, ExitCode.InvalidInput),
        (Outcome.DuplicateDate, Unprocessable422, ExitCode.InvalidInput),
        (Outcome.UnsortedDates, Unprocessable422, ExitCode.InvalidInput),
        (Outcome.UnknownAsset, Unprocessable422, ExitCode.InvalidInput),
        (Outcome.NoOverlap, Unprocessable422, ExitCode.InvalidInput),
        (Outcome.Infeasible, Unprocessable422, ExitCode.InvalidInput),
        (Outcome.NoExcessReturn, Unprocessable422, ExitCode.InvalidInput),
        (Outcome.Unsupported, Unprocessable422, ExitCode.InvalidInput),
        (Outcome.NotConverged, Unprocessable422, ExitCode.InvalidInput),
        (Outcome.NotConvex, Unprocessable422, ExitCode.InvalidInput),
        (Outcome.Degenerate, Unprocessable422, ExitCode.InvalidInput),

        (Outcome.BackupNotFound, NotFound404, ExitCode.NotFound),
        (Outcome.BackupInvalid, Unprocessable422, ExitCode.InvalidInput),
        (Outcome.BackupSchemaTooNew, Conflict409, ExitCode.Conflict),
        (Outcome.BackupTargetExists, Conflict409, ExitCode.Conflict),
        (Outcome.BackupSourceNotFound, NotFound404, ExitCode.NotFound),
        (Outcome.BackupVerifyFailed, ServerError500, ExitCode.Failed),

        (Outcome.UnexpectedOutcome, ServerError500, ExitCode.Failed),

        (Outcome.ConsentRequired, BadRequest400, ExitCode.InvalidInput),
        (Outcome.NoComplianceDocument, NotFound404, ExitCode.NotFound),
        (Outcome.UnknownComplianceItem, BadRequest400, ExitCode.InvalidInput),
        (Outcome.DocumentVersionExists, Conflict409, ExitCode.Conflict),
        (Outcome.ComplianceReviewOverdue, Unprocessable422, ExitCode.Refused),
        (Outcome.MemberNotFound, NotFound404, ExitCode.NotFound),

        (Outcome.InvalidNotificationSettings, Unprocessable422, ExitCode.InvalidInput),
    ];

    private static readonly Dictionary<Outcome, OutcomeRow> Rows = Table.ToDictionary(
        r => r.Outcome,
        r => new OutcomeRow(r.Outcome, SnakeCase(r.Outcome), r.Status, r.Exit));

    /// <summary>Every row, in the table's order.</summary>
    public static IReadOnlyList<OutcomeRow> All { get; } = [.. Table.Select(r => Rows[r.Outcome])];

    /// <summary>The row of an outcome; throws for a member without a row (a test keeps that from shipping).</summary>
    public static OutcomeRow Row(this Outcome outcome) =>
        Rows.TryGetValue(outcome, out var row) ? row : throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "the outcome has no row in OutcomeTable");

    /// <summary>The stable snake_case code users see (<c>insufficient_cash</c>).</summary>
    public static string Code(this Outcome outcome) => outcome.Row().Code;

    /// <summary>The HTTP status the API answers the outcome with.</summary>
    public static int HttpStatus(this Outcome outcome) => outcome.Row().HttpStatus;

    /// <summary>The exit code of the <c>arena</c> command that ends with the outcome.</summary>
    public static ExitCode Exit(this Outcome outcome) => outcome.Row().ExitCode;

    /// <summary>The outcome of a ledger refusal (one to one; <see cref="LedgerError.None"/> is <see cref="Outcome.Ok"/>).</summary>
    public static Outcome ToOutcome(this LedgerError error) => error switch
    {
        LedgerError.None => Outcome.Ok,
        LedgerError.InvalidAmount => Outcome.InvalidAmount,
        LedgerError.InsufficientCash => Outcome.InsufficientCash,
        LedgerError.InsufficientShares => Outcome.InsufficientShares,
        LedgerError.TokenNotTradable => Outcome.TokenNotTradable,
        LedgerError.UnknownWallet => Outcome.WalletNotFound,
        LedgerError.UnknownToken => Outcome.UnknownToken,
        LedgerError.DuplicateToken => Outcome.TokenExists,
        LedgerError.InvalidSymbol => Outcome.InvalidSymbol,
        LedgerError.IllegalTransition => Outcome.IllegalTransition,
        LedgerError.InvalidRequest => Outcome.InvalidRequest,
        _ => throw new ArgumentOutOfRangeException(nameof(error), error, "the ledger error has no outcome"),
    };

    private static string SnakeCase(Outcome outcome)
    {
        var name = outcome.ToString();
        var code = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                code.Append('_');
            }

            code.Append(char.ToLowerInvariant(name[i]));
        }

        return code.ToString();
    }
}
