namespace TreasuryArena.Cli;

/// <summary>A user-facing failure: printed as <c>error: message</c> and turned into a non-zero exit code.</summary>
internal sealed class CliException(string message, int exitCode = 2) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
