namespace TreasuryArena.Core.Common;

/// <summary>
/// A refused operation or broken domain rule, carrying its <see cref="Outcome"/>; the server answers it with the
/// outcome's HTTP status and problem type, the CLI exits with the outcome's exit code (<see cref="OutcomeTable"/>).
/// </summary>
public class DomainException : Exception
{
    public DomainException(Outcome outcome, string message)
        : base(message)
    {
        Outcome = outcome;
    }

    public DomainException(Outcome outcome, string message, Exception inner)
        : base(message, inner)
    {
        Outcome = outcome;
    }

    /// <summary>Why: the outcome's row in <see cref="OutcomeTable"/> gives its code, HTTP status and exit code.</summary>
    public Outcome Outcome { get; }

    /// <summary>The request field the refusal is about (snake_case, as on the wire), when it is about one: the API names it in the problem's <c>errors</c>.</summary>
    public string? Field { get; init; }

    /// <summary>The outcome's stable, machine-readable code such as <c>insufficient_cash</c>.</summary>
    public string Code => Outcome.Code();
}
