using System.Reflection;
using System.Text.RegularExpressions;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Architecture.Tests;

/// <summary>Refusals carry an <see cref="Outcome"/>: no <see cref="DomainException"/> is built from a string code, none is parsed from one.</summary>
public sealed class OutcomeRulesTests
{
    private static readonly Assembly[] Assemblies =
    [
        typeof(DomainException).Assembly,
        typeof(TreasuryArena.Infrastructure.Storage.TokensRuntime).Assembly,
        typeof(TreasuryArena.Server.Http.Problems).Assembly,
        Assembly.Load("arena"),
    ];

    [Fact]
    public void DomainExceptions_HaveNoStringCodeConstructor()
    {
        var types = DomainExceptionTypes();
        Assert.Contains(typeof(DomainException), types);
        foreach (var type in types)
        {
            foreach (var ctor in type.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                var ps = ctor.GetParameters();
                Assert.False(
                    ps.Any(p => p.ParameterType == typeof(string) && string.Equals(p.Name, "code", StringComparison.OrdinalIgnoreCase)) ||
                    (ps.Length >= 2 && ps[0].ParameterType == typeof(string) && ps[1].ParameterType == typeof(string)),
                    $"{type.FullName}({string.Join(", ", ps.Select(p => p.ParameterType.Name + " " + p.Name))}) takes a string code; take an Outcome");
            }
        }
    }

    [Fact]
    public void Sources_NeverBuildADomainExceptionOrRefusalFromAStringCode()
    {
        var names = string.Join('|', DomainExceptionTypes().Select(t => Regex.Escape(t.Name)).Append(@"Refused").Append(@"Refuse"));
        var literal = new Regex(@"\b(" + names + @")\(\s*""[a-z0-9]+(_[a-z0-9]+)*""", RegexOptions.CultureInvariant);
        var parsed = new Regex(@"Enum\.(Try)?Parse<Outcome>|Enum\.(Try)?Parse\(typeof\(Outcome\)", RegexOptions.CultureInvariant);
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(ReferenceRulesTests.RepoRoot(), "src"), "*.cs", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            foreach (Match m in literal.Matches(text))
            {
                offenders.Add($"{file}: {m.Value}");
            }

            foreach (Match m in parsed.Matches(text))
            {
                offenders.Add($"{file}: {m.Value}");
            }
        }

        Assert.True(offenders.Count == 0, "string-coded refusals (use an Outcome member):\n" + string.Join('\n', offenders));
    }

    private static List<Type> DomainExceptionTypes() =>
        [.. Assemblies.SelectMany(a => a.GetTypes()).Where(t => typeof(DomainException).IsAssignableFrom(t))];
}
