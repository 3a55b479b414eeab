using TreasuryArena.Core.Common;

namespace TreasuryArena.Core.Tests.Common;

public sealed class FreeTextTests
{
    public static TheoryData<string, string> Hostile => new()
    {
        { "a\0b", "U+0000" },
        { "Acme\nForged row", "U+000A" },
        { "tab\there", "U+0009" },
        { "\u001b[31mred", "U+001B" },
        { "abc\u202Egpj.exe", "U+202E" },
        { "x\u2066y\u2069", "U+2066" },
        { "a\u009Bb", "U+009B" },
        { "a\u007Fb", "U+007F" },
        { "a\u2028b", "U+2028" },
        { "a\uFFFEb", "U+FFFE" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Require_HostileCharacter_IsRefusedNamingTheFieldAndCodePoint(string value, string codePoint)
    {
        var refused = Assert.Throws<DomainException>(() => FreeText.Require(value, FreeText.OrganisationName));
        Assert.Equal(Outcome.InvalidFreeText, refused.Outcome);
        Assert.Equal("name", refused.Field);
        Assert.Contains(codePoint, refused.Message, StringComparison.Ordinal);
        Assert.Equal(400, refused.Outcome.HttpStatus());
        Assert.Equal(ExitCode.InvalidInput, refused.Outcome.Exit());
        Assert.Null(FreeText.Violation(refused.Message, multiline: true));
    }

    [Theory]
    [InlineData("Église Saint-Pierre")]
    [InlineData("כנסיית הגאולה")]
    [InlineData("كنيسة \u200Fالقيامة")]
    [InlineData("教会 🙏 Trust ⛪")]
    [InlineData("Family 👨‍👩‍👧 (ZWJ)")]
    [InlineData("O'Brien & Sons, Ltd. — 50% \"quoted\"")]
    public void Require_LettersMarksPunctuationEmoji_AreWelcome(string value) =>
        Assert.Equal(value, FreeText.Require(value, FreeText.OrganisationName));

    [Fact]
    public void Require_Trims_AndKeepsCombiningMarks()
    {
        Assert.Equal("Cafe\u0301 Church", FreeText.Require("  Cafe\u0301 Church  ", FreeText.OrganisationName));
    }

    [Fact]
    public void Require_LoneSurrogate_IsRefused()
    {
        // Not theory data: xunit's serialisation of test cases would replace a lone surrogate before the test sees it.
        foreach (var (value, codePoint) in new[] { ("lone \uD800 high", "U+D800"), ("lone \uDC00 low", "U+DC00"), ("end \uD83D", "U+D83D") })
        {
            var refused = Assert.Throws<DomainException>(() => FreeText.Require(value, FreeText.Signer));
            Assert.Equal("signer", refused.Field);
            Assert.Contains(codePoint, refused.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Require_EmptyOrTooLong_IsTheFieldsOwnOutcome()
    {
        Assert.Equal(Outcome.InvalidName, Assert.Throws<DomainException>(() => FreeText.Require("   ", FreeText.OrganisationName)).Outcome);
        var tooLong = Assert.Throws<DomainException>(() => FreeText.Require(new string('x', FreeText.NameMaxLength + 1), FreeText.OrganisationName));
        Assert.Equal(Outcome.InvalidName, tooLong.Outcome);
        Assert.Equal("name", tooLong.Field);
        Assert.Equal(Outcome.InvalidFreeText, Assert.Throws<DomainException>(() => FreeText.Optional(new string('x', 1001), FreeText.Note)).Outcome);
        Assert.Equal(new string('x', FreeText.NameMaxLength), FreeText.Require(new string('x', FreeText.NameMaxLength), FreeText.OrganisationName));
    }

    [Fact]
    public void Optional_BlankIsNull()
    {
        Assert.Null(FreeText.Optional(null, FreeText.Reason));
        Assert.Null(FreeText.Optional("  ", FreeText.Reason));
    }

    [Fact]
    public void MultilineField_KeepsLinesAndTabs_StoresCrlfAsLf_RefusesOtherControls()
    {
        Assert.Equal("Line one\n\tLine two", FreeText.Require("Line one\r\n\tLine two\r\n", FreeText.DisclosureText));
        Assert.Equal(Outcome.InvalidFreeText, Assert.Throws<DomainException>(() => FreeText.Require("a\rb", FreeText.DisclosureText)).Outcome);
        Assert.Equal(Outcome.InvalidFreeText, Assert.Throws<DomainException>(() => FreeText.Require("a\u001b[2Jb", FreeText.DisclosureText)).Outcome);
        Assert.Equal("text", Assert.Throws<DomainException>(() => FreeText.Require("a\0", FreeText.DisclosureText)).Field);
    }

    [Fact]
    public void ForDisplay_EscapesWhatCouldForgeARowOrSendAnEscape()
    {
        Assert.Equal("Acme\\u{000A}Forged \\u{001B}[31m \\u{202E}x", FreeText.ForDisplay("Acme\nForged \u001b[31m \u202Ex"));
        Assert.Equal("two\nlines", FreeText.ForDisplay("two\nlines", multiline: true));
        Assert.Equal("Église 🙏", FreeText.ForDisplay("Église 🙏"));
        Assert.Equal("\\u{D800}", FreeText.ForDisplay("\uD800"));
    }

    [Fact]
    public void Fields_HaveUniqueFieldsPerName_AndOnlyTheDocumentIsMultiline()
    {
        Assert.Equal([FreeText.DisclosureText], FreeText.Fields.Where(f => f.Multiline));
        Assert.All(FreeText.Fields, f => Assert.InRange(f.MaxLength, 1, FreeText.DocumentMaxLength));
    }
}
