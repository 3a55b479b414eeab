namespace TreasuryArena.Server.Contracts;

/// <summary>
/// One point of a wallet's value history: the value the wallet optimizer recorded when it looked at the wallet on
/// <see cref="AsOf"/> (the latest look of that day), with what it did then.
/// </summary>
public sealed record WalletHistoryPointResponse(DateOnly AsOf, decimal Value, string Action, string Mode, DateTimeOffset RecordedAt);
