using TreasuryArena.Core.Evaluation;

namespace TreasuryArena.Core.Tests.Evaluation;

public sealed class EvaluationHtmlTests
{
    [Theory]
    [InlineData(null, "P1", "—")]
    [InlineData(-0.00001, "P1", "0.0 %")]
    [InlineData(-0.25, "P1", "-25.0 %")]
    [InlineData(-0.004, "0.00", "0.00")]
    [InlineData(1.234, "0.00", "1.23")]
    public void N_UndefinedDashAndNoNegativeZero(double? value, string format, string expected) =>
        Assert.Equal(expected, EvaluationHtml.N(value, format));
}
