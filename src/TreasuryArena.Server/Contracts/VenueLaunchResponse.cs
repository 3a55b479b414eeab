namespace TreasuryArena.Server.Contracts;

/// <summary>One yield venue's launch date and its source.</summary>
public sealed record VenueLaunchResponse(string Venue, string Name, DateOnly Launch, string Source);
