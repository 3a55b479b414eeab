using System.Text.Json;
using Microsoft.Data.Sqlite;
using TreasuryArena.Server.Tests.Support;

namespace TreasuryArena.Server.Tests.Browser;

/// <summary>
/// The data the browser tests look at: <c>arena demo --weeks 6 --to 2025-10-05</c> (the README's first command, on a
/// shorter replay), run in-process once per test run through the CLI's own use cases — tokens issued from backtests,
/// NAV steps, a verified church with wallets in every mode, optimizer and advisor runs, and a HYBRID proposal left
/// pending. Each test gets its own copy of that database, so tests that trade or approve do not see each other.
/// </summary>
public static class DemoData
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? template;

    /// <summary>A fresh copy of the demo database with its keys file; the caller deletes <see cref="DemoCopy.Directory"/>.</summary>
    public static async Task<DemoCopy> CopyAsync()
    {
        var source = await TemplateAsync();
        var directory = Path.Combine(Path.GetTempPath(), "arena-browser-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(source)!))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        }

        var database = Path.Combine(directory, Path.GetFileName(source));
        using var keys = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "arena-demo-keys.json")));
        // The first key of each role (the demo has two treasurers: Pat, then Chris for second approvals).
        var byRole = keys.RootElement.EnumerateArray().GroupBy(k => k.GetProperty("role").GetString()!)
            .ToDictionary(g => g.Key, g => g.First().GetProperty("key").GetString()!);
        return new DemoCopy(directory, database, byRole["admin"], byRole["treasurer"], byRole["viewer"]);
    }

    private static async Task<string> TemplateAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (template is not null)
            {
                return template;
            }

            var directory = Path.Combine(Path.GetTempPath(), "arena-browser-demo-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            var database = Path.Combine(directory, "arena.db");
            var (code, _, stderr) = await InProcessArena.RunAsync(["demo", "--db", database, "--weeks", "6", "--to", "2025-10-05", "--json"]);
            if (code != 0)
            {
                throw new InvalidOperationException($"arena demo exited with {code}: {stderr}");
            }

            // The demo church's IPS asks two treasurers for trades above $10,000; these single-treasurer flows turn that
            // clause off as they turn the platform's threshold off (DashboardServer), through the operator's `policy set`.
            var ips = Path.Combine(directory, "single-treasurer.yaml");
            await File.WriteAllTextAsync(ips, "dual_control_threshold: 0\n");
            (code, _, stderr) = await InProcessArena.RunAsync(["policy", "set", "--db", database, "--org", "Grace Community Church", "--file", ips]);
            if (code != 0)
            {
                throw new InvalidOperationException($"arena policy set exited with {code}: {stderr}");
            }

            SqliteConnection.ClearAllPools(); // closes the demo's connections, so the files can be copied whole
            AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(directory);
            template = database;
            return template;
        }
        finally
        {
            Gate.Release();
        }
    }

    internal static void TryDelete(string directory)
    {
        try
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // a file still open for a moment: the OS cleans the temp directory
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>One test's copy of the demo database and the demo's sign-in keys.</summary>
public sealed record DemoCopy(string Directory, string Database, string AdminKey, string TreasurerKey, string ViewerKey);
