namespace TreasuryArena.Infrastructure.Reports;

/// <summary>One operation on a wallet in a statement: shares are + bought / − sold, cash is the net change of the wallet's cash (fees included).</summary>
public sealed record StatementTransaction(DateTimeOffset At, string Operation, string? Symbol, decimal Shares, decimal CashChange, decimal TradeFee);
