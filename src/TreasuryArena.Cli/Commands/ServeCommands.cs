using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using TreasuryArena.Server;

namespace TreasuryArena.Cli;

/// <summary><c>arena serve [--urls http://127.0.0.1:8800] [--db PATH|CONNSTRING]</c>: the REST API, dashboard and jobs.</summary>
internal static partial class CliCommands
{
    public const string DefaultUrls = "http://127.0.0.1:8800";

    static partial void AddServe(RootCommand root)
    {
        var db = CliDatabase.Option();
        var urls = new Option<string>("--urls") { Description = "Where to listen (default http://127.0.0.1:8800)", DefaultValueFactory = _ => DefaultUrls };
        var noJobs = new Option<bool>("--no-jobs") { Description = "Do not run the scheduler in this instance" };
        var cmd = new Command("serve", "Run the API server (migrations are applied at start)");
        cmd.Options.Add(db);
        cmd.Options.Add(urls);
        cmd.Options.Add(noJobs);
        cmd.AddHint("--port", port => "--urls http://127.0.0.1:" + (port ?? "8800"));
        cmd.SetAction(async (parse, ct) =>
        {
            var database = parse.GetValue(db) ?? CliHost.Configuration["Arena:Database"] ?? CliHost.DefaultDatabase;
            var listen = parse.GetValue(urls)!;
            if (listen.Split(';').Any(u => !Uri.TryCreate(u, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https")))
            {
                throw new CliException($"--urls: '{listen}' is not a list of http(s) URLs");
            }

            // Validates --db (and applies migrations) before the host starts, so a bad value is a clean CLI error.
            await CliDatabase.OpenAsync(database, ct);
            var app = ServerApp.Build([], builder =>
            {
                builder.Configuration["Arena:Database"] = database;
                if (parse.GetValue(noJobs))
                {
                    builder.Configuration["Arena:JobsEnabled"] = "false";
                }

                builder.WebHost.UseUrls(listen);
            });
            try
            {
                await app.StartAsync(ct);
            }
            catch (Microsoft.Extensions.Options.OptionsValidationException ex)
            {
                // ValidateOnStart: the server refuses to start on a bad setting, naming the key.
                await app.DisposeAsync();
                throw new CliException($"invalid configuration: {string.Join("; ", ex.Failures)}");
            }

            Console.Error.WriteLine($"arena serve: listening on {listen} (database {database}); Ctrl+C to stop");
            // Issue 20: the keys are printed by `arena demo` only; the server says where the file is, never what is in it.
            if (Commands.Demo.DemoKeys.ExistingFile(database) is { } keysFile)
            {
                Console.Error.WriteLine($"Demo sign-in keys: see {keysFile} (demo only; printed by arena demo)");
            }

            await app.WaitForShutdownAsync(ct);
            await app.DisposeAsync();
            return 0;
        });
        root.Subcommands.Add(cmd);
    }
}
