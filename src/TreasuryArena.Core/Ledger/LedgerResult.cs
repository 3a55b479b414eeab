using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Ledger;

/// <summary>
/// The outcome of one ledger command. <see cref="Accepted"/> is false when <see cref="Error"/> says why it was refused
/// (and then nothing changed). Figures that do not apply to the operation are zero.
/// </summary>
/// <param name="Operation">What was asked.</param>
/// <param name="Error"><see cref="LedgerError.None"/> when accepted.</param>
/// <param name="Message">Human-readable reason for a refusal, else null.</param>
/// <param name="OperationId">Ledger operation number (0 when refused).</param>
/// <param name="Repeated">True when this is the stored result of an earlier command with the same idempotency key.</param>
/// <param name="Address">The wallet involved (the new address for CreateWallet).</param>
/// <param name="Symbol">The token involved.</param>
/// <param name="Cash">Deposit/withdraw: the amount; buy: cash spent incl. fee; sell: net cash received; revalue: GAV change (signed).</param>
/// <param name="Fee">Trade fee, or total fees accrued.</param>
/// <param name="Shares">Shares minted (buy) or burnt (sell).</param>
/// <param name="NavPerShare">The token's NAV per share after the operation.</param>
/// <param name="ManagementFee">Management fee taken by AccrueFees.</param>
/// <param name="PerformanceFee">Performance fee taken by AccrueFees.</param>
public sealed record LedgerResult(
    LedgerOperationKind Operation,
    LedgerError Error,
    string? Message,
    long OperationId,
    bool Repeated,
    string? Address,
    string? Symbol,
    Money Cash,
    Money Fee,
    Shares Shares,
    UnitPrice NavPerShare,
    Money ManagementFee,
    Money PerformanceFee)
{
    public bool Accepted => Error == LedgerError.None;

    public static LedgerResult Refused(LedgerOperationKind operation, LedgerError error, string message) =>
        new(operation, error, message, 0, false, null, null, Money.Zero(Currency.Usd), Money.Zero(Currency.Usd), Shares.Zero, UnitPrice.Of(0m), Money.Zero(Currency.Usd), Money.Zero(Currency.Usd));

    public static LedgerResult Ok(LedgerOperationKind operation, long operationId) =>
        new(operation, LedgerError.None, null, operationId, false, null, null, Money.Zero(Currency.Usd), Money.Zero(Currency.Usd), Shares.Zero, UnitPrice.Of(0m), Money.Zero(Currency.Usd), Money.Zero(Currency.Usd));
}
