using TreasuryArena.Core.Common;

namespace TreasuryArena.Cli;

/// <summary>
/// A user-facing failure: printed as <c>error: message</c>; the process exits with its <see cref="Outcome"/>'s exit code
/// from <see cref="OutcomeTable"/> (2, invalid input, unless the failure says otherwise).
/// </summary>
internal sealed class CliException(string message, Outcome outcome = Outcome.InvalidRequest) : Exception(message)
{
    /// <summary>A refused domain operation, keeping its outcome (so its exit code) and its message.</summary>
    public CliException(DomainException refused)
        : this(refused?.Message ?? "", refused?.Outcome ?? Outcome.UnexpectedOutcome)
    {
    }

    public Outcome Outcome { get; } = outcome;

    public int ExitCode => (int)Outcome.Exit();
}
