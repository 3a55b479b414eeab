namespace TreasuryArena.Server.Contracts;

/// <summary>A priced asset's last daily close in the loaded market history.</summary>
public sealed record AssetLastCloseResponse(string Asset, DateOnly LastClose);
