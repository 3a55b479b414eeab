using System.Globalization;
using System.Text;

namespace TreasuryArena.Core.Common;

/// <summary>
/// The one free-text policy of the platform, applied by the use cases (so the API and the CLI refuse alike) to every
/// text a person types and the platform stores or shows: organisation and member names, verification evidence,
/// reasons, notes, disclosure versions and text, the attesting signer, token names. A value is trimmed, must hold no
/// control character (C0, DEL, C1; a multi-line field may hold <c>\n</c> and <c>\t</c>, and CRLF becomes LF), no NUL,
/// no ANSI escape (ESC is a C0 control), no bidirectional override or isolate (U+202A–U+202E, U+2066–U+2069), no line
/// or paragraph separator (U+2028, U+2029), no noncharacter and no lone surrogate; letters, marks, digits, punctuation,
/// symbols and emoji of every script are welcome (as are the left-to-right and right-to-left marks, and ZWJ for emoji).
/// The value is stored as sent (trimmed), not Unicode-normalised: the platform runs with invariant globalization, where
/// .NET has no normalisation tables, so two spellings of "é" stay two names. Lengths are counted in UTF-16 code units after trimming. A refusal names the field
/// (<see cref="DomainException.Field"/>) and the offending code point and position, never echoing the character.
/// </summary>
public static class FreeText
{
    /// <summary>Names (organisation, member, token), evidence, versions, signer: one line.</summary>
    public const int NameMaxLength = 200;

    /// <summary>Reasons and notes: one line.</summary>
    public const int ReasonMaxLength = 1000;

    /// <summary>The risk-disclosure document: many lines.</summary>
    public const int DocumentMaxLength = 100_000;

    public static readonly FreeTextField OrganisationName = new("name", NameMaxLength, LengthOutcome: Outcome.InvalidName);
    public static readonly FreeTextField MemberName = new("member", NameMaxLength, LengthOutcome: Outcome.InvalidMember);
    public static readonly FreeTextField EntityType = new("entity_type", NameMaxLength, LengthOutcome: Outcome.InvalidEntityType);
    public static readonly FreeTextField Registration = new("registration", NameMaxLength, LengthOutcome: Outcome.InvalidRegistration);
    public static readonly FreeTextField Reviewer = new("reviewer", NameMaxLength, LengthOutcome: Outcome.InvalidReviewer);
    public static readonly FreeTextField DisclosureVersion = new("version", NameMaxLength, LengthOutcome: Outcome.InvalidVersion);
    public static readonly FreeTextField DisclosureText = new("text", DocumentMaxLength, Multiline: true, LengthOutcome: Outcome.InvalidText);
    public static readonly FreeTextField DocumentVersion = new("document_version", NameMaxLength, LengthOutcome: Outcome.InvalidDocumentVersion);
    public static readonly FreeTextField Signer = new("signer", NameMaxLength, LengthOutcome: Outcome.InvalidSigner);
    public static readonly FreeTextField TokenName = new("name", NameMaxLength);
    public static readonly FreeTextField Reason = new("reason", ReasonMaxLength, LengthOutcome: Outcome.InvalidReason);
    public static readonly FreeTextField Note = new("note", ReasonMaxLength);
    public static readonly FreeTextField TypedName = new("typed_name", NameMaxLength);
    public static readonly FreeTextField WalletName = new("name", NameMaxLength, LengthOutcome: Outcome.InvalidName);

    /// <summary>Every field of the policy, for the documentation and the tests.</summary>
    public static IReadOnlyList<FreeTextField> Fields { get; } =
        [OrganisationName, MemberName, EntityType, Registration, Reviewer, DisclosureVersion, DisclosureText, DocumentVersion, Signer, TokenName, Reason, Note, TypedName, WalletName];

    /// <summary>The cleaned value of a required field: refused (<see cref="DomainException"/> naming the field) when empty, too long or holding a refused character.</summary>
    public static string Require(string? value, FreeTextField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return Optional(value, field) ?? throw Refuse(field.LengthOutcome, field, $"{field.Name} must be 1 to {field.MaxLength} characters");
    }

    /// <summary>The cleaned value of an optional field: null when absent or blank; refused when too long or holding a refused character.</summary>
    public static string? Optional(string? value, FreeTextField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (value is null)
        {
            return null;
        }

        if (Violation(value, field.Multiline) is { } bad)
        {
            throw Refuse(Outcome.InvalidFreeText, field, $"{field.Name} {bad}; control characters, NUL, ANSI escapes and bidirectional overrides are refused");
        }

        var text = field.Multiline ? value.Replace("\r\n", "\n", StringComparison.Ordinal) : value;
        text = text.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (text.Length > field.MaxLength)
        {
            throw Refuse(field.LengthOutcome, field, string.Create(CultureInfo.InvariantCulture, $"{field.Name} must be 1 to {field.MaxLength} characters (it has {text.Length})"));
        }

        return text;
    }

    /// <summary>
    /// Why <paramref name="value"/> breaks the character policy (<c>contains U+001B (a control character) at position 3</c>),
    /// or null when it does not. Positions count UTF-16 code units from 0.
    /// </summary>
    public static string? Violation(string value, bool multiline = false)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    var cp = char.ConvertToUtf32(c, value[i + 1]);
                    if (IsNoncharacter(cp))
                    {
                        return Describe(cp, i, "a noncharacter");
                    }

                    i++;
                    continue;
                }

                return Describe(c, i, "a lone surrogate (not well-formed Unicode)");
            }

            if (multiline && (c is '\n' or '\t' || (c == '\r' && i + 1 < value.Length && value[i + 1] == '\n')))
            {
                continue;
            }

            if (Kind(c) is { } kind)
            {
                return Describe(c, i, kind);
            }
        }

        return null;
    }

    /// <summary>
    /// <paramref name="text"/> made safe to print on a terminal or in one table cell: every character the policy refuses
    /// (and <c>\n</c>, <c>\t</c>) is shown as <c>\u{XXXX}</c>, so stored data can neither forge a row nor send an escape
    /// sequence. The CLI prints stored names, reasons and messages through it. With <paramref name="multiline"/>,
    /// <c>\n</c> and <c>\t</c> are kept (for a message printed on its own lines).
    /// </summary>
    public static string ForDisplay(string? text, bool multiline = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var unsafeChar = (!multiline && c is '\n' or '\t') || (c is not ('\n' or '\t') && Kind(c) is not null)
                || (char.IsHighSurrogate(c) ? i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]) : char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1])));
            if (!unsafeChar)
            {
                sb?.Append(c);
                continue;
            }

            sb ??= new StringBuilder(text, 0, i, text.Length + 16);
            sb.Append(string.Create(CultureInfo.InvariantCulture, $"\\u{{{(int)c:X4}}}"));
        }

        return sb?.ToString() ?? text;
    }

    private static string? Kind(char c)
    {
        if (char.IsControl(c))
        {
            return c switch
            {
                '\0' => "NUL",
                '\u001B' => "an escape character (ANSI escape sequences)",
                _ => "a control character",
            };
        }

        if (c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
        {
            return "a bidirectional override or isolate";
        }

        if (c is '\u2028' or '\u2029')
        {
            return "a line or paragraph separator";
        }

        return IsNoncharacter(c) ? "a noncharacter" : null;
    }

    private static bool IsNoncharacter(int cp) => cp is >= 0xFDD0 and <= 0xFDEF || (cp & 0xFFFE) == 0xFFFE;

    private static string Describe(int cp, int position, string kind) =>
        string.Create(CultureInfo.InvariantCulture, $"contains U+{cp:X4} ({kind}) at position {position}");

    private static DomainException Refuse(Outcome outcome, FreeTextField field, string message) => new(outcome, message) { Field = field.Name };
}
