namespace TreasuryArena.Cli.Tests.Support;

/// <summary>Tests that redirect <see cref="Console"/> never run in parallel with other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}
