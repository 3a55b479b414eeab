namespace TreasuryArena.Core.Common;

/// <summary>One row of <see cref="OutcomeTable"/>: an outcome, its stable code, its HTTP status and its CLI exit code.</summary>
public sealed record OutcomeRow(Outcome Outcome, string Code, int HttpStatus, ExitCode ExitCode)
{
    /// <summary>The problem title: the code with spaces (<c>insufficient cash</c>), as every ProblemDetails has carried.</summary>
    public string Title => Code.Replace('_', ' ');

    /// <summary>The problem type URI: <c>https://treasury-arena.example/problems/&lt;code&gt;</c>.</summary>
    public string ProblemType => OutcomeTable.ProblemTypeBase + Code;
}
