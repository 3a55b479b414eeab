namespace TreasuryArena.Core.Identity;

/// <summary>A newly issued key: <see cref="Key"/> is the only time the secret exists outside its hash.</summary>
public sealed record IssuedApiKey(ApiKeyRecord Record, string MemberName, string Key);
