using System.Diagnostics;

namespace TreasuryArena.Cli.Tests.Packaging;

/// <summary>
/// Publishes the CLI once per test run, exactly as the operations page says (<c>dotnet publish src/TreasuryArena.Cli
/// -c Release -o DIR</c>, self-contained by the project's own settings), into a temporary folder. The build inputs are
/// copied first to a scratch tree so that the publish writes none of the <c>bin/</c> and <c>obj/</c> folders the
/// running test assemblies were loaded from. It takes a minute or two: only the tests of
/// <see cref="PublishedArenaTests"/> pay for it (<c>--filter "Category!=Publish"</c> leaves them out).
/// </summary>
public sealed class PublishedArena : IAsyncLifetime
{
    private static readonly string[] RootFiles = ["Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig"];
    private static readonly string[] Trees = ["src", "strategies", "deploy", Path.Combine("docs", "readme")];

    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "arena-publish-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>The published folder (the <c>arena</c> executable, its runtime, <c>wwwroot/</c>, <c>deploy/</c>…).</summary>
    public string Folder => Path.Combine(_scratch, "publish");

    public string Executable => Path.Combine(Folder, "arena");

    public Tool.Result Publish { get; private set; } = new(-1, "", "");

    public TimeSpan Elapsed { get; private set; }

    public async Task InitializeAsync()
    {
        var root = Tool.RepositoryRoot();
        var source = Path.Combine(_scratch, "source");
        foreach (var f in RootFiles)
        {
            CopyFile(Path.Combine(root, f), Path.Combine(source, f));
        }

        foreach (var t in Trees)
        {
            CopyTree(Path.Combine(root, t), Path.Combine(source, t));
        }

        // No MSBuild or compiler server is left running after the test (--disable-build-servers).
        var clock = Stopwatch.StartNew();
        Publish = await Tool.RunAsync("dotnet",
            ["publish", Path.Combine("src", "TreasuryArena.Cli"), "-c", "Release", "-o", Folder, "-nologo", "-v", "quiet", "--disable-build-servers"],
            TimeSpan.FromMinutes(15), source);
        Elapsed = clock.Elapsed;
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_scratch, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }

        return Task.CompletedTask;
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (!parts.Contains("bin") && !parts.Contains("obj"))
            {
                CopyFile(file, Path.Combine(to, relative));
            }
        }
    }

    private static void CopyFile(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to);
    }
}
