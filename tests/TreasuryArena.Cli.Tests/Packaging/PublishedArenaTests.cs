using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using TreasuryArena.Infrastructure.MarketData.History;
using Xunit.Abstractions;

namespace TreasuryArena.Cli.Tests.Packaging;

/// <summary>
/// The published <c>arena</c> (issue 20, packaging): a self-contained folder that carries the dashboard, the strategy
/// specs and the service files, and that serves <c>/</c> and the health endpoints when started as the systemd unit
/// starts it: from another working directory, with the environment file's settings, on a fresh SQLite file.
/// </summary>
[Trait("Category", "Publish")]
public sealed class PublishedArenaTests(PublishedArena published, ITestOutputHelper testOutput) : IClassFixture<PublishedArena>
{
    [Fact]
    public void Publish_gives_a_self_contained_folder_with_the_dashboard_specs_and_service_files()
    {
        Assert.True(published.Publish.ExitCode == 0, "dotnet publish failed:\n" + published.Publish.Output);
        foreach (var f in new[]
                 {
                     "arena", "libhostfxr.so", "libcoreclr.so", "System.Private.CoreLib.dll", "Microsoft.AspNetCore.Server.Kestrel.Core.dll",
                     "wwwroot/index.html", "wwwroot/js/app.js", "strategies/cycle-guard.yaml",
                     "deploy/treasury-arena.service", "deploy/treasury-arena.sysusers", "deploy/arena.env", "docs/11-operations.md",
                 })
        {
            Assert.True(File.Exists(Path.Combine(published.Folder, f)), f + " is not in the published folder");
        }

        // Self-contained: the runtime config names the frameworks it carries, not ones to find on the machine.
        using var runtimeConfig = JsonDocument.Parse(File.ReadAllText(Path.Combine(published.Folder, "arena.runtimeconfig.json")));
        var options = runtimeConfig.RootElement.GetProperty("runtimeOptions");
        Assert.False(options.TryGetProperty("framework", out _));
        Assert.False(options.TryGetProperty("frameworks", out _));
        var included = options.GetProperty("includedFrameworks").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList();
        Assert.Contains("Microsoft.NETCore.App", included);
        Assert.Contains("Microsoft.AspNetCore.App", included);

        var files = Directory.GetFiles(published.Folder, "*", SearchOption.AllDirectories);
        testOutput.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"published in {published.Elapsed.TotalSeconds:F0} s: {files.Sum(f => new FileInfo(f).Length) / 1e6:F0} MB in {files.Length} files"));
    }

    [Fact]
    public async Task Published_arena_serves_the_dashboard_and_health_with_the_service_settings()
    {
        Assert.True(published.Publish.ExitCode == 0, "dotnet publish failed:\n" + published.Publish.Output);
        var state = Directory.CreateTempSubdirectory("arena-state-").FullName;
        var port = FreePort();
        var info = new ProcessStartInfo(published.Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = state, // as the unit does: not the repository, so nothing is found by walking up from it
        };
        foreach (var (key, value) in EnvironmentFile(Path.Combine(published.Folder, "deploy", "arena.env")))
        {
            info.Environment[key] = value;
        }

        // The environment file's paths, pointed at this test's state directory and at the shipped history.
        info.Environment["Arena__Database"] = Path.Combine(state, "arena.db");
        info.Environment["Arena__DataDirectory"] = state;
        info.Environment["MarketData__HistoryPath"] = HistoryLocator.Find();
        info.Environment["DOTNET_ROOT"] = Path.Combine(state, "no-dotnet-here"); // self-contained: no shared runtime needed
        info.Environment.Remove("ASPNETCORE_URLS");
        foreach (var a in new[] { "serve", "--urls", $"http://127.0.0.1:{port}" })
        {
            info.ArgumentList.Add(a);
        }

        using var arena = Process.Start(info) ?? throw new InvalidOperationException("could not start the published arena");
        var output = new StringBuilder();
        arena.OutputDataReceived += (_, e) => Append(output, e.Data);
        arena.ErrorDataReceived += (_, e) => Append(output, e.Data);
        arena.BeginOutputReadLine();
        arena.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            await WaitUntilLiveAsync(http, arena, output);

            using var page = await http.GetAsync(new Uri("/", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            Assert.Contains("<title>Treasury Arena</title>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            using var script = await http.GetAsync(new Uri("/js/app.js", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);

            using var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
            Assert.Equal("ready", body.RootElement.GetProperty("status").GetString());
            Assert.Equal("sqlite", body.RootElement.GetProperty("database").GetString());
            Assert.Equal("history", body.RootElement.GetProperty("clock_mode").GetString());
            Assert.True(File.Exists(Path.Combine(state, "arena.db")), "the fresh SQLite file was not created where Arena__Database says");

            // The unit stops the service with SIGTERM: a graceful stop, exit code 0.
            using (var kill = Process.Start("kill", ["-TERM", arena.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var stopped = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await arena.WaitForExitAsync(stopped.Token);
            Assert.Equal(0, arena.ExitCode);

            var log = Snapshot(output);
            Assert.DoesNotContain("not a known key", log, StringComparison.Ordinal); // the environment file names only real keys
            Assert.DoesNotContain("not read by anything", log, StringComparison.Ordinal);
            Assert.Contains("<6>", log, StringComparison.Ordinal); // the systemd formatter: journald sees each line's priority
        }
        finally
        {
            if (!arena.HasExited)
            {
                arena.Kill(entireProcessTree: true);
            }

            Directory.Delete(state, recursive: true);
        }
    }

    /// <summary>The <c>KEY=value</c> lines of an environment file as systemd reads it (comments and blank lines skipped).</summary>
    private static IEnumerable<(string Key, string Value)> EnvironmentFile(string path) =>
        File.ReadAllLines(path)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => (l[..l.IndexOf('=', StringComparison.Ordinal)], l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..]));

    private static async Task WaitUntilLiveAsync(HttpClient http, Process arena, StringBuilder output)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(arena.HasExited, "the published arena exited at start:\n" + Snapshot(output));
            try
            {
                using var live = await http.GetAsync(new Uri("/health", UriKind.Relative));
                if (live.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        Assert.Fail("the published arena did not answer /health within 2 minutes:\n" + Snapshot(output));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
