namespace TreasuryArena.Core.Common;

/// <summary>
/// One free-text field's policy (see <see cref="FreeText"/>): its wire name (the snake_case name a refusal names), its
/// maximum length in UTF-16 code units after trimming, whether it may span lines (<c>\n</c> and <c>\t</c> allowed, CRLF
/// stored as LF), and the outcome of an empty or too-long value (the field's own code where it has one,
/// <see cref="Outcome.InvalidFreeText"/> otherwise). A refused character is always <see cref="Outcome.InvalidFreeText"/>.
/// </summary>
public sealed record FreeTextField(string Name, int MaxLength, bool Multiline = false, Outcome LengthOutcome = Outcome.InvalidFreeText);
