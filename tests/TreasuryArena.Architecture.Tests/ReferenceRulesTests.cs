using System.Reflection;
using System.Text.RegularExpressions;

namespace TreasuryArena.Architecture.Tests;

public sealed class ReferenceRulesTests
{
    private static readonly Assembly Core = typeof(TreasuryArena.Core.Common.DomainException).Assembly;

    [Fact]
    public void Core_ReferencesNoAdapterOrHost()
    {
        var names = Core.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();
        Assert.DoesNotContain(names, n => n.StartsWith("TreasuryArena.", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.StartsWith("Microsoft.Data", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.StartsWith("Npgsql", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Ledger")]
    [InlineData("Fees")]
    [InlineData("Tokens")]
    [InlineData("Wallets")]
    [InlineData("Compliance")]
    public void LedgerSideModules_UseNoBinaryFloatingPoint(string folder)
    {
        var dir = Path.Combine(RepoRoot(), "src", "TreasuryArena.Core", folder);
        if (!Directory.Exists(dir))
        {
            return;
        }

        var pattern = new Regex(@"\b(double|float|Single|Double)\b", RegexOptions.CultureInvariant);
        foreach (var file in Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories))
        {
            var code = string.Join('\n', File.ReadAllLines(file).Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)));
            Assert.False(pattern.IsMatch(code), $"{file} uses binary floating point; ledger-side code is decimal only.");
        }
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TreasuryArena.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
