using System.Globalization;
using TreasuryArena.Core.Common;
using TreasuryArena.Core.Policy;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TreasuryArena.Infrastructure.Policy;

/// <summary>
/// Reads an IPS file (YAML, or JSON which YAML parses too) into a <see cref="PolicyChange"/>, keeping each clause's
/// line: a file may set some clauses only. Every error is <see cref="Outcome.InvalidPolicy"/> as <c>file:line: clause: message</c>;
/// range checks on the merged policy (<see cref="InvestmentPolicy.Problems"/>) name the same lines.
/// Fractions may be written as <c>0.2</c> or <c>20%</c>; USD amounts as <c>12000</c> or <c>12,000</c>.
/// </summary>
public static class PolicyYamlReader
{
    /// <summary>Reads a file; a missing file is <see cref="Outcome.InvalidPolicy"/>.</summary>
    public static PolicyChange Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return File.Exists(path)
            ? Parse(File.ReadAllText(path), Path.GetFileName(path))
            : throw new DomainException(Outcome.InvalidPolicy, $"policy file not found: {path}");
    }

    /// <summary>Parses policy text; <paramref name="source"/> prefixes error messages.</summary>
    public static PolicyChange Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw Error(source, Line(ex.Start), null, $"not valid YAML/JSON: {ex.Message}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner can fail this way on some unclosed flow collections; it gives no position.
            throw new DomainException(Outcome.InvalidPolicy, $"{source}: not valid YAML/JSON (an unclosed [ or {{ or quote?)");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw Error(source, 1, null, $"a policy must be a mapping of clauses ({string.Join(", ", PolicyClause.All)})");
        }

        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var change = new PolicyChange { Source = source, Lines = lines };
        foreach (var (keyNode, value) in root.Children)
        {
            var key = keyNode is YamlScalarNode { Value: { } k } ? k : "";
            var line = Line(keyNode.Start);
            if (!PolicyClause.All.Contains(key))
            {
                throw Error(source, line, null, $"unknown clause `{key}` (expected {string.Join(", ", PolicyClause.All)})");
            }

            if (!lines.TryAdd(key, line))
            {
                throw Error(source, line, key, "set twice");
            }

            change = key switch
            {
                PolicyClause.MaxVolatileShare => change with { MaxVolatileShare = Fraction(source, key, value) },
                PolicyClause.MaxTokenWeight => change with { MaxTokenWeight = Fraction(source, key, value) },
                PolicyClause.MaxDrawdownTolerance => change with { MaxDrawdownTolerance = Fraction(source, key, value) },
                PolicyClause.AllowedStrategies => change with { AllowedStrategies = List(source, key, value) },
                PolicyClause.ExcludedStrategies => change with { ExcludedStrategies = List(source, key, value) },
                PolicyClause.MinTokens => change with { MinTokens = Whole(source, key, value) },
                PolicyClause.LiquidityReserveMonths => change with { LiquidityReserveMonths = Number(source, key, value) },
                PolicyClause.MonthlyExpenses => change with { MonthlyExpenses = Number(source, key, value) },
                PolicyClause.DualControlThreshold => change with { DualControlThreshold = Number(source, key, value) },
                PolicyClause.Benchmark => change with
                {
                    Benchmark = PolicyText.Benchmark(Scalar(source, key, value)) ?? throw OneOf(source, key, value, PolicyText.Benchmarks),
                },
                _ => change with
                {
                    RebalanceFrequency = PolicyText.Frequency(Scalar(source, key, value)) ?? throw OneOf(source, key, value, PolicyText.Frequencies),
                },
            };
        }

        // Range checks per clause here (the line is known); cross-clause rules once merged with the current policy.
        var alone = change.ApplyTo(InvestmentPolicy.Default).Problems(lines).Where(p => change.Clauses.Contains(p.Clause)
            && p.Clause != PolicyClause.LiquidityReserveMonths && p.Clause != PolicyClause.ExcludedStrategies).ToList();
        return alone.Count > 0
            ? throw new DomainException(Outcome.InvalidPolicy, Core.Application.PolicyUseCases.Describe(source, alone)) { Field = alone[0].Clause }
            : change;
    }

    private static string Scalar(string source, string clause, YamlNode node) =>
        node is YamlScalarNode { Value: { } v } && v.Length > 0 ? v : throw Error(source, Line(node.Start), clause, "must be a single value");

    private static decimal Number(string source, string clause, YamlNode node)
    {
        var text = Scalar(source, clause, node);
        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw Error(source, Line(node.Start), clause, $"`{text}` is not a number");
    }

    private static decimal Fraction(string source, string clause, YamlNode node)
    {
        var text = Scalar(source, clause, node).Trim();
        if (text.EndsWith('%'))
        {
            return decimal.TryParse(text[..^1], NumberStyles.Number, CultureInfo.InvariantCulture, out var pct)
                ? pct / 100m
                : throw Error(source, Line(node.Start), clause, $"`{text}` is not a percentage");
        }

        return Number(source, clause, node);
    }

    private static int Whole(string source, string clause, YamlNode node)
    {
        var text = Scalar(source, clause, node);
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw Error(source, Line(node.Start), clause, $"`{text}` is not a whole number");
    }

    private static List<string> List(string source, string clause, YamlNode node) =>
        node is YamlSequenceNode seq
            ? [.. seq.Children.Select(c => Scalar(source, clause, c))]
            : throw Error(source, Line(node.Start), clause, "must be a list of strategy ids, e.g. [hold-btc, sixty-forty] or []");

    private static DomainException OneOf(string source, string clause, YamlNode node, IReadOnlyList<string> allowed) =>
        Error(source, Line(node.Start), clause, $"`{(node as YamlScalarNode)?.Value}` must be one of {string.Join(", ", allowed.Select(a => "'" + a + "'"))}");

    private static DomainException Error(string source, int line, string? clause, string message) =>
        new(Outcome.InvalidPolicy, string.Create(CultureInfo.InvariantCulture, $"{source}:{line}: {(clause is null ? "" : clause + ": ")}{message}")) { Field = clause };

    private static int Line(Mark mark) => (int)Math.Max(1, mark.Line);
}
