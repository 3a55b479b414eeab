namespace TreasuryArena.Core.Common;

/// <summary>
/// The <c>arena</c> command's exit codes, one per class of <see cref="Outcome"/> (see <see cref="OutcomeTable"/>).
/// 130 (cancelled with Ctrl-C) is the shell's convention and not an outcome.
/// </summary>
public enum ExitCode
{
    /// <summary>Done.</summary>
    Ok = 0,

    /// <summary>An unexpected failure, a broken ledger or audit chain, a check that found a problem, or a command line System.CommandLine could not parse.</summary>
    Failed = 1,

    /// <summary>Invalid input: a bad option value, a malformed file, a value outside what the command accepts.</summary>
    InvalidInput = 2,

    /// <summary>The thing named does not exist (organisation, wallet, token, key, hold, proposal…).</summary>
    NotFound = 3,

    /// <summary>Conflicts with the current state: already exists, already decided or revoked, not in the status the change needs.</summary>
    Conflict = 4,

    /// <summary>Refused by a business or compliance rule (insufficient cash, plan limit, platform halted…).</summary>
    Refused = 5,
}
