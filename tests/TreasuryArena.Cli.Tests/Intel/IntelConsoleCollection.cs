namespace TreasuryArena.Cli.Tests.Intel;

/// <summary>The intel CLI tests redirect <see cref="Console"/>, so they never run in parallel with other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class IntelConsoleCollection
{
    public const string Name = "IntelConsole";
}
