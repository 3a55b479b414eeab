namespace TreasuryArena.Architecture.Tests;

/// <summary>
/// The banned-API analyzer (RS0030) is only as good as its wiring and its exceptions: every src project gets it with the
/// one list, and the ban is lifted only in the rounding policy and the composition roots.
/// </summary>
public sealed class BannedApiTests
{
    private static readonly string[] AllowedSuppressions =
    [
        Path.Combine("TreasuryArena.Core", "Common", "RoundingPolicy.cs"),
        Path.Combine("TreasuryArena.Infrastructure", "Configuration", "TreasuryArenaServiceCollectionExtensions.cs"),
        Path.Combine("TreasuryArena.Cli", "CliHost.cs"),
    ];

    [Fact]
    public void Src_GetsTheAnalyzer_WithTheRoundingAndClockBans()
    {
        var src = Path.Combine(ReferenceRulesTests.RepoRoot(), "src");
        var props = File.ReadAllText(Path.Combine(src, "Directory.Build.props"));
        Assert.Contains("Microsoft.CodeAnalysis.BannedApiAnalyzers", props, StringComparison.Ordinal);
        Assert.Contains("BannedSymbols.txt", props, StringComparison.Ordinal);
        var banned = File.ReadAllLines(Path.Combine(src, "BannedSymbols.txt")).Select(l => l.Split(';')[0]).ToHashSet(StringComparer.Ordinal);
        foreach (var symbol in new[]
                 {
                     "M:System.Math.Round(System.Decimal,System.Int32,System.MidpointRounding)", "M:System.Math.Round(System.Decimal,System.Int32)",
                     "M:System.Math.Round(System.Decimal)", "M:System.Decimal.Round(System.Decimal,System.Int32)", "M:System.Math.Floor(System.Decimal)",
                     "M:System.Math.Ceiling(System.Decimal)", "P:System.DateTime.Now", "P:System.DateTime.UtcNow", "P:System.DateTimeOffset.UtcNow",
                     "P:System.DateTimeOffset.Now", "P:System.TimeProvider.System",
                 })
        {
            Assert.Contains(symbol, banned);
        }
    }

    [Fact]
    public void Rs0030_IsLifted_OnlyInThePolicyAndTheCompositionRoots()
    {
        var src = Path.Combine(ReferenceRulesTests.RepoRoot(), "src");
        var lifted = Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal) || f.EndsWith(".props", StringComparison.Ordinal) || f.EndsWith(".editorconfig", StringComparison.Ordinal))
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("RS0030", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(src, f))
            .Where(f => !AllowedSuppressions.Contains(f))
            .ToList();
        Assert.True(lifted.Count == 0, "RS0030 lifted outside RoundingPolicy and the composition roots: " + string.Join(", ", lifted));
    }
}
