namespace TreasuryArena.Cli.Tests.Quant;

/// <summary>The quant CLI tests redirect <see cref="Console"/>, so they never run in parallel with other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class QuantConsoleCollection
{
    public const string Name = "QuantConsole";
}
