namespace TreasuryArena.Core.Advice;

/// <summary>An emergency for the advisor to assess, such as a crash (<c>btc_crash</c>) or a venue exploit (<c>exploit</c>).</summary>
public sealed record EmergencyEvent(string Kind, string Description);
