namespace TreasuryArena.Cli.Commands.Demo;

/// <summary>A demo sign-in key (plaintext, demo only): the role, the member and their organisation.</summary>
internal sealed record DemoKey(string Role, string Member, string? Organisation, string Key);
