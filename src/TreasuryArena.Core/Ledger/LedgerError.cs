namespace TreasuryArena.Core.Ledger;

/// <summary>Why the ledger refused an operation (<see cref="None"/> when it accepted it). A refusal changes nothing.</summary>
public enum LedgerError
{
    None,

    /// <summary>Zero, negative, more than 28 significant digits, more decimals than the unit allows, or too large/small.</summary>
    InvalidAmount,

    InsufficientCash,

    InsufficientShares,

    /// <summary>The token's status does not allow the operation (buying needs an active token).</summary>
    TokenNotTradable,

    UnknownWallet,

    UnknownToken,

    /// <summary>A token with that symbol already exists.</summary>
    DuplicateToken,

    InvalidSymbol,

    /// <summary>The token status change is not one of the lifecycle's legal transitions.</summary>
    IllegalTransition,

    /// <summary>Malformed request: missing idempotency key, bad date, bad name…</summary>
    InvalidRequest,
}
