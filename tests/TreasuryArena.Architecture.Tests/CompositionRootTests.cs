using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace TreasuryArena.Architecture.Tests;

/// <summary>
/// One composition root (<c>AddTreasuryArena</c> in Infrastructure/Configuration) wires every host: the server, the CLI
/// and the platform benchmarks resolve what they need from it instead of building runtimes, ledger writers, audit
/// writers or use cases by hand; and no package is pinned that nothing references.
/// </summary>
public sealed class CompositionRootTests
{
    /// <summary>What only the composition root builds (a second ledger or audit writer per process is a bug).</summary>
    private static readonly string[] RootOnly =
    [
        "TokensRuntime.OpenAsync(",
        "TokensRuntime.Create(",
        "TreasuryRuntime.Create(",
        "TreasuryConfiguration.Read(",
        "OpenLedgerAsync(",
        "new SqlAuditLog(",
        "new IdentityService(",
        "new ComplianceService(",
        "new StoredNotifier(",
    ];

    /// <summary>Transitive packages pinned on purpose (central transitive pinning), each referenced by a package we use.</summary>
    private static readonly string[] TransitivePins =
    [
        "Microsoft.Extensions.Hosting.Abstractions",
        "Microsoft.Extensions.Diagnostics.HealthChecks",
        "Microsoft.Extensions.Diagnostics.HealthChecks.Abstractions",
    ];

    [Theory]
    [InlineData("src/TreasuryArena.Server")]
    [InlineData("src/TreasuryArena.Cli")]
    [InlineData("bench/TreasuryArena.Benchmarks")]
    public void Hosts_WireThePlatformOnlyThroughTheCompositionRoot(string folder)
    {
        var dir = Path.Combine(ReferenceRulesTests.RepoRoot(), folder);
        // The ledger benchmark measures the ledger writer alone, at its own batch size: it is the subject, not wiring.
        var files = Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.EndsWith("LedgerBenchmarks.cs", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var code = string.Join('\n', File.ReadAllLines(file).Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)));
            foreach (var call in RootOnly)
            {
                Assert.False(code.Contains(call, StringComparison.Ordinal), $"{file} calls {call}: resolve it from the composition root (AddTreasuryArena) instead.");
            }
        }
    }

    [Fact]
    public void PackageVersions_AreEachReferencedOrAPinnedTransitive()
    {
        var root = ReferenceRulesTests.RepoRoot();
        var versions = XDocument.Load(Path.Combine(root, "Directory.Packages.props")).Descendants("PackageVersion")
            .Select(e => (string?)e.Attribute("Include") ?? "").ToList();
        var projects = Directory.EnumerateFiles(root, "*.*proj", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(root, "Directory.Build.props", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText).ToList();
        foreach (var package in versions.Except(TransitivePins, StringComparer.Ordinal))
        {
            var reference = new Regex($"PackageReference\\s+Include=\"{Regex.Escape(package)}\"", RegexOptions.CultureInvariant);
            Assert.True(projects.Any(p => reference.IsMatch(p)), $"{package} has a version in Directory.Packages.props but no project references it: use it or drop it.");
        }
    }
}
