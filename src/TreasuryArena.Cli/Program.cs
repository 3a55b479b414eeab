using System.CommandLine;
using TreasuryArena.Cli;

var root = new RootCommand("arena — Treasury Arena: strategy tokens, AI-managed wallets and a nonprofit treasury manager.");
CliCommands.AddAll(root);
return await CliCommands.InvokeAsync(root, args);
