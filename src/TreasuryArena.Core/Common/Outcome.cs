namespace TreasuryArena.Core.Common;

/// <summary>
/// What became of an operation, as TigerBeetle returns one result code per operation: <see cref="Ok"/>, or the one
/// reason it was refused. Each member's snake_case code (<see cref="OutcomeTable.Code"/>, e.g. <c>insufficient_cash</c>
/// for <see cref="InsufficientCash"/>) is the stable <c>code</c> users see in JSON, problem types and CLI errors; the
/// member's name is the PascalCase of that code. <see cref="OutcomeTable"/> maps every member to its HTTP status and
/// CLI exit code. Add a member with its row in the table; never rename one (its code is a contract).
/// </summary>
public enum Outcome
{
    /// <summary>Accepted and done.</summary>
    Ok = 0,

    // Requests: malformed or refused before any rule ran.

    /// <summary>A malformed request (bad JSON, missing field, bad idempotency key on a ledger command, bad date or name).</summary>
    InvalidRequest,

    /// <summary>The request body is larger than the server accepts.</summary>
    BodyTooLarge,

    /// <summary>Too many requests from this caller for now.</summary>
    RateLimited,

    /// <summary>The <c>Idempotency-Key</c> header is empty or too long.</summary>
    InvalidIdempotencyKey,

    /// <summary>The idempotency key was already used for a different request.</summary>
    IdempotencyKeyReused,

    /// <summary>A request with the same idempotency key is still being processed.</summary>
    IdempotencyConflict,

    /// <summary>A page size (<c>limit</c>) outside what the endpoint serves.</summary>
    InvalidLimit,

    /// <summary>No valid API key or session: the request is not authenticated.</summary>
    Unauthenticated,

    /// <summary>Nothing answers this path: no such route (an id in the path of the wrong shape included) or no such resource.</summary>
    NotFound,

    /// <summary>The path exists, but not for this HTTP method.</summary>
    MethodNotAllowed,

    /// <summary>The body's content type is not JSON.</summary>
    UnsupportedMediaType,

    // Ledger refusals (LedgerError maps onto these one to one).

    /// <summary>Zero, negative, too many digits or decimals, or too large an amount.</summary>
    InvalidAmount,

    /// <summary>The wallet holds less cash than the buy or withdrawal needs.</summary>
    InsufficientCash,

    /// <summary>The wallet holds fewer shares than the sell needs.</summary>
    InsufficientShares,

    /// <summary>The token's status does not allow the trade (buying needs an active token).</summary>
    TokenNotTradable,

    /// <summary>No such wallet (or not in the caller's organisation).</summary>
    WalletNotFound,

    /// <summary>No token with that symbol.</summary>
    UnknownToken,

    /// <summary>A token with that symbol already exists (or already has a backing).</summary>
    TokenExists,

    /// <summary>The symbol is not a valid token symbol.</summary>
    InvalidSymbol,

    /// <summary>The token status change is not one of the lifecycle's legal transitions.</summary>
    IllegalTransition,

    // Ledger invariants: the stored journal or the commit is broken (a server fault, not the caller's).

    /// <summary>The ledger batch could not be committed to storage.</summary>
    LedgerCommitFailed,

    /// <summary>Other processes kept appending to the journal while this one caught up and retried (transient: try again).</summary>
    LedgerConflict,

    /// <summary>The journal's tail does not continue the hash chain this process holds (a fork: a server fault).</summary>
    LedgerFork,

    /// <summary>The journal's head row does not sit where its entries end (a server fault).</summary>
    LedgerHead,

    /// <summary>A journal entry does not follow the last sequence applied.</summary>
    LedgerSequence,

    /// <summary>A journal entry of a kind the ledger does not know (or out of place in its operation).</summary>
    LedgerEntryKind,

    /// <summary>Applying a journal entry would leave an account negative.</summary>
    LedgerNegativeBalance,

    /// <summary>A treasury operation that touches no treasury account.</summary>
    LedgerTreasury,

    /// <summary>Amounts in two currencies combined.</summary>
    CurrencyMismatch,

    /// <summary>A value with more decimals than its scale, or too large for a 64-bit scaled integer.</summary>
    ScaleOverflow,

    // Identity and organisations.

    /// <summary>No organisation with that id or name.</summary>
    OrganisationNotFound,

    /// <summary>No organisation with that name (asked for by name when creating a wallet or token holder).</summary>
    UnknownOrganisation,

    /// <summary>An organisation with that name already exists.</summary>
    OrganisationExists,

    /// <summary>The operation needs an organisation (treasurer and viewer keys, attestations).</summary>
    OrganisationRequired,

    /// <summary>No API key with that id.</summary>
    KeyNotFound,

    /// <summary>The API key is already revoked.</summary>
    KeyAlreadyRevoked,

    /// <summary>The configured bootstrap admin key is shorter than 24 characters.</summary>
    BootstrapKeyTooShort,

    /// <summary>A role that cannot be given this way (admin keys belong to no organisation).</summary>
    InvalidRole,

    /// <summary>An organisation or key name that is empty or too long.</summary>
    InvalidName,

    /// <summary>A member name that is empty or too long.</summary>
    InvalidMember,

    /// <summary>The caller's role may not perform the action (a viewer trading, a treasurer stepping NAV or releasing a hold).</summary>
    RoleForbidden,

    // Compliance.

    /// <summary>Trading is halted platform-wide by an administrator.</summary>
    PlatformHalted,

    /// <summary>The organisation has not been verified by an administrator.</summary>
    OrganisationNotVerified,

    /// <summary>No risk-disclosure document has been published yet.</summary>
    NoRiskDisclosure,

    /// <summary>The treasurer must attest to the current risk disclosure before buying.</summary>
    AttestationRequired,

    /// <summary>The attested disclosure version is not the current one.</summary>
    NotCurrentDisclosure,

    /// <summary>A risk-disclosure version that already exists.</summary>
    DisclosureVersionExists,

    /// <summary>A disclosure text that is empty or too long.</summary>
    InvalidText,

    /// <summary>An entity type that is empty or too long.</summary>
    InvalidEntityType,

    /// <summary>A registration number that is empty or too long.</summary>
    InvalidRegistration,

    /// <summary>A reviewer that is empty or too long.</summary>
    InvalidReviewer,

    /// <summary>A reason that is empty or too long.</summary>
    InvalidReason,

    /// <summary>A disclosure version that is empty or too long.</summary>
    InvalidVersion,

    /// <summary>An attested document version that is empty or too long.</summary>
    InvalidDocumentVersion,

    /// <summary>A signer that is empty or too long.</summary>
    InvalidSigner,

    /// <summary>The trade was held for an administrator's review (a result, not a refusal: nothing executed yet).</summary>
    HeldForReview,

    /// <summary>The request is above the organisation's dual-control threshold: it awaits a second member's approval (a result, not a refusal).</summary>
    AwaitingSecondApproval,

    /// <summary>No two-person approval with that id for the caller's organisation.</summary>
    ApprovalNotFound,

    /// <summary>The approval was already executed, rejected or expired.</summary>
    ApprovalClosed,

    /// <summary>The approval is past its lifetime: it is expired instead of executed.</summary>
    ApprovalExpired,

    /// <summary>The member who requested it cannot give the second approval: a different member must.</summary>
    SameApprover,

    /// <summary>No held trade with that id.</summary>
    HoldNotFound,

    /// <summary>The held trade was already released, rejected, expired or superseded.</summary>
    HoldAlreadyDecided,

    /// <summary>The held trade is past its lifetime: it is expired instead of released.</summary>
    HoldExpired,

    /// <summary>The held trade holds a single trade, not a rebalance plan.</summary>
    NotAPlan,

    // Wallets, plans and proposals.

    /// <summary>The organisation's plan does not allow the wallet mode or another holding.</summary>
    PlanLimit,

    /// <summary>No wallet with that address (asked for by a rebalance, a plan or a proposal).</summary>
    UnknownWallet,

    /// <summary>The ledger refused to create the wallet.</summary>
    WalletRefused,

    /// <summary>The ledger refused the deposit.</summary>
    DepositRefused,

    /// <summary>No proposal with that id.</summary>
    UnknownProposal,

    /// <summary>No proposal with that id for the caller's organisation.</summary>
    ProposalNotFound,

    /// <summary>The proposal was already decided.</summary>
    ProposalClosed,

    /// <summary>The proposal can no longer be approved (prices or holdings moved since it was made).</summary>
    ProposalExpired,

    // Tokens, NAV and fees.

    /// <summary>No strategy of that name in the library.</summary>
    UnknownStrategy,

    /// <summary>A strategy parameter that is missing, unknown or out of range.</summary>
    BadParameter,

    /// <summary>A strategy spec that does not parse or validate.</summary>
    InvalidSpec,

    /// <summary>An inception date that is not a bar of the strategy's data.</summary>
    BadInception,

    /// <summary>A date before the token's inception.</summary>
    BeforeInception,

    /// <summary>The token is not in the status the change starts from.</summary>
    InvalidStatus,

    /// <summary>The token cannot go from its status to the one asked.</summary>
    InvalidTransition,

    /// <summary>A resume or hold of a token that is not paused.</summary>
    TokenNotPaused,

    /// <summary>The token is retired and every holder is settled.</summary>
    AlreadyRetired,

    /// <summary>The ledger refused the status change.</summary>
    StatusRefused,

    /// <summary>Settling a holder of a retiring token failed.</summary>
    SettlementFailed,

    /// <summary>The ledger refused a NAV revaluation.</summary>
    RevalueRefused,

    /// <summary>The ledger refused a fee accrual or a period close.</summary>
    FeesRefused,

    /// <summary>A T-bill hurdle with no T-bill history to compute it.</summary>
    NoHurdleRates,

    /// <summary>The stored NAV history reaches a date the market data does not.</summary>
    BackingOutOfData,

    /// <summary>A fee rate outside [0, 1) or with more than 8 decimals.</summary>
    InvalidFeeRate,

    /// <summary>An unknown performance hurdle.</summary>
    InvalidHurdle,

    // Treasury, evaluation, jobs.

    /// <summary>The treasury has no market data for the date asked.</summary>
    TreasuryDateUnavailable,

    /// <summary>No evaluation report has been written yet.</summary>
    NoEvaluation,

    /// <summary>The history does not cover the range asked.</summary>
    NoData,

    /// <summary>A replayed token holder's buy was refused.</summary>
    HolderBuyRefused,

    /// <summary>No job of that name.</summary>
    JobNotFound,

    /// <summary>A backtest that cannot run as asked (dates outside the data, an unknown benchmark, a bad grid).</summary>
    BadBacktest,

    // Quant inputs and problems.

    /// <summary>A price file that cannot be read (the message names the file, line and column).</summary>
    BadFile,

    /// <summary>An input that a quant routine cannot use (non-finite, negative variance, bad budgets…).</summary>
    InvalidInput,

    /// <summary>Fewer points than the computation needs.</summary>
    TooFewPoints,

    /// <summary>A price that is zero, negative or not finite.</summary>
    NonPositivePrice,

    /// <summary>A return that is not finite or not above -100%.</summary>
    InvalidReturn,

    /// <summary>A price table without asset columns, or no assets to optimise.</summary>
    NoAssets,

    /// <summary>An asset column without a name.</summary>
    BadAsset,

    /// <summary>An asset that appears twice.</summary>
    DuplicateAsset,

    /// <summary>A date that appears twice.</summary>
    DuplicateDate,

    /// <summary>Dates that do not ascend.</summary>
    UnsortedDates,

    /// <summary>No price history or column for the asset asked.</summary>
    UnknownAsset,

    /// <summary>Two assets share too few dates for a covariance.</summary>
    NoOverlap,

    /// <summary>The constraints leave no allowed portfolio.</summary>
    Infeasible,

    /// <summary>No allowed portfolio beats the risk-free rate, so max Sharpe is undefined.</summary>
    NoExcessReturn,

    /// <summary>A combination the optimiser does not support.</summary>
    Unsupported,

    /// <summary>The solver did not converge.</summary>
    NotConverged,

    /// <summary>The risk matrix is not positive semidefinite.</summary>
    NotConvex,

    /// <summary>The constraints became linearly dependent.</summary>
    Degenerate,

    // Backups (arena backup / arena restore).

    /// <summary>No backup file at the path given.</summary>
    BackupNotFound,

    /// <summary>The file is not a Treasury Arena backup (wrong format, damaged header, checksum or row count mismatch).</summary>
    BackupInvalid,

    /// <summary>The backup (or the target database) has a newer schema than this <c>arena</c> knows: upgrade first.</summary>
    BackupSchemaTooNew,

    /// <summary>The backup file or the restore target already holds data (pass <c>--force</c> to replace it).</summary>
    BackupTargetExists,

    /// <summary>The database to back up does not exist (a backup never creates one).</summary>
    BackupSourceNotFound,

    /// <summary>The restored database does not hold what the backup holds (row counts, integrity check).</summary>
    BackupVerifyFailed,

    /// <summary>An answer the server did not expect from its own code (a bug).</summary>
    UnexpectedOutcome,

    // Input hygiene (issue 20); appended so no member's number moves.

    /// <summary>
    /// A free-text field that breaks the free-text policy (<see cref="FreeText"/>): a control character, NUL, ANSI escape,
    /// bidirectional override or isolate, or malformed Unicode; or, for a field without a code of its own, empty or too long.
    /// </summary>
    InvalidFreeText,

    /// <summary>A query parameter that is malformed or outside its range (a date outside the data's span, a negative offset).</summary>
    InvalidQuery,

    // Per-organisation treasuries (issue 21); appended so no member's number moves.

    /// <summary>The organisation has no treasury (or it is another organisation's, which is "not found" too).</summary>
    TreasuryNotFound,

    /// <summary>The organisation already has a treasury.</summary>
    TreasuryExists,
    // Investment Policy Statement (issue 21); appended so no member's number moves.

    /// <summary>An IPS (file or request) with a clause out of range, unknown, or contradicting another; the message names the clause and its line.</summary>
    InvalidPolicy,

    /// <summary>A trade the organisation's IPS forbids; the message names the clause, e.g. <c>max_token_weight: HBTC would be 34% …</c>.</summary>
    PolicyBreach,

    /// <summary>The organisation's IPS changed between reading it and storing a change (another version was stored first).</summary>
    PolicyConflict,
    // Compliance documents, signatures and the annual review (issue 21, esign); appended so no member's number moves.

    /// <summary>An electronic signature whose request did not set <c>consent</c> to true (ESIGN: explicit consent).</summary>
    ConsentRequired,

    /// <summary>No document of that kind has been published, or the signed version is not the current one.</summary>
    NoComplianceDocument,

    /// <summary>A compliance-document kind or review item the platform does not know.</summary>
    UnknownComplianceItem,

    /// <summary>A compliance-document version that already exists for its kind.</summary>
    DocumentVersionExists,

    /// <summary>The organisation's yearly compliance review has overdue items and the operator refuses trading then.</summary>
    ComplianceReviewOverdue,

    /// <summary>No member with that name in the organisation.</summary>
    MemberNotFound,
    // Board report (issue 21).

    /// <summary>A PDF was asked for and the headless Chromium that prints it is missing or failed (the HTML report still works).</summary>
    PdfUnavailable,
    // Notifications (issue 22).

    /// <summary>An organisation's notification settings with a bad webhook URL, chat id, e-mail address or unknown kind; the message names the field.</summary>
    InvalidNotificationSettings,
}
