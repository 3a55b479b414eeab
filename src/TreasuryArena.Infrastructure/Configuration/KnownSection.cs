namespace TreasuryArena.Infrastructure.Configuration;

/// <summary>
/// A configuration section some code binds (<paramref name="Path"/>, e.g. <c>Tokens:Lifecycle</c>) and the options type
/// it binds to: the keys the type's settable properties name are the section's known keys. Registered as a singleton
/// by the composition root for each section; a host adds its own (the server's keys of <c>Arena</c>).
/// </summary>
public sealed record KnownSection(string Path, Type OptionsType);
