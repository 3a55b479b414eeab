using System.Globalization;
using TreasuryArena.Core.Strategies;
using TreasuryArena.Core.Strategies.Specs;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TreasuryArena.Infrastructure.Strategies;

/// <summary>
/// Reads a strategy spec from YAML (or JSON, which YAML parses too) into Core's <see cref="StrategySpec"/>, keeping
/// line numbers, then compiles it. Every error is a <see cref="StrategyException"/> naming file, line and field.
/// </summary>
public static class StrategySpecReader
{
    private static readonly string[] TopKeys = ["name", "description", "source", "assets", "parameters", "signals", "rules", "rebalance", "costs"];

    /// <summary>Reads and compiles a spec file.</summary>
    public static CompiledSpec Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw StrategyException.InvalidSpec($"spec file not found: {path}");
        }

        return StrategySpecCompiler.Compile(Parse(File.ReadAllText(path), Path.GetFileName(path)));
    }

    /// <summary>Parses spec text; <paramref name="sourceName"/> prefixes error messages.</summary>
    public static StrategySpec Parse(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw Error(sourceName, Line(ex.Start), $"not valid YAML/JSON: {ex.Message}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner can fail this way on some unclosed flow collections; it gives no position.
            throw StrategyException.InvalidSpec($"{sourceName}: not valid YAML/JSON (an unclosed [ or {{ or quote?)");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw Error(sourceName, 1, "a spec must be a mapping with `name`, `assets` and `rules`");
        }

        var r = new Reader(sourceName);
        foreach (var key in root.Children.Keys)
        {
            var k = r.Key(key);
            if (!TopKeys.Contains(k))
            {
                throw Error(sourceName, Line(key.Start), $"unknown field `{k}` (expected {string.Join(", ", TopKeys)})");
            }
        }

        var nameNode = r.Required(root, "name");
        var rulesNode = r.Required(root, "rules");
        var costs = Reader.Optional(root, "costs") is { } c ? r.Mapping(c, "costs") : null;
        if (costs is not null)
        {
            r.OnlyKeys(costs, "costs", "fee_bps", "slippage_bps");
        }

        return new StrategySpec
        {
            SourceName = sourceName,
            Name = r.Scalar(nameNode, "name"),
            Description = Reader.Optional(root, "description") is { } d ? r.Scalar(d, "description").Text : "",
            Reference = Reader.Optional(root, "source") is { } s ? r.Scalar(s, "source").Text : "",
            Assets = r.Sequence(r.Required(root, "assets"), "assets").Select(n => r.Scalar(n, "assets")).ToList(),
            Parameters = Reader.Optional(root, "parameters") is { } p ? ReadParameters(r, p) : [],
            Signals = Reader.Optional(root, "signals") is { } sg ? ReadSignals(r, sg) : [],
            Rules = r.Sequence(rulesNode, "rules").Select(n => ReadRule(r, n)).ToList(),
            RulesLine = Line(rulesNode.Start),
            Rebalance = Reader.Optional(root, "rebalance") is { } rb ? ReadRebalance(r, rb) : null,
            FeeBps = costs is not null && Reader.Optional(costs, "fee_bps") is { } f ? r.Scalar(f, "fee_bps") : null,
            SlippageBps = costs is not null && Reader.Optional(costs, "slippage_bps") is { } sl ? r.Scalar(sl, "slippage_bps") : null,
        };
    }

    private static List<SpecParameter> ReadParameters(Reader r, YamlNode node)
    {
        var list = new List<SpecParameter>();
        foreach (var (key, value) in r.Mapping(node, "parameters").Children)
        {
            var name = r.Key(key);
            var m = r.Mapping(value, $"parameters.{name}");
            r.OnlyKeys(m, $"parameters.{name}", "default", "min", "max", "integer", "description");
            var integer = Reader.Optional(m, "integer") is { } i && r.Bool(i, "integer");
            list.Add(new SpecParameter(
                name,
                Reader.Optional(m, "description") is { } d ? r.Scalar(d, "description").Text : "",
                r.Number(r.Required(m, "default"), "default"),
                r.Number(r.Required(m, "min"), "min"),
                r.Number(r.Required(m, "max"), "max"),
                integer,
                Line(key.Start)));
        }

        return list;
    }

    private static List<SpecSignal> ReadSignals(Reader r, YamlNode node)
    {
        var list = new List<SpecSignal>();
        foreach (var (key, value) in r.Mapping(node, "signals").Children)
        {
            var id = r.Key(key);
            var m = r.Mapping(value, $"signals.{id}");
            var type = r.Scalar(r.Required(m, "type"), "type").Text;
            var fields = new Dictionary<string, SpecScalar>(StringComparer.Ordinal);
            foreach (var (fk, fv) in m.Children)
            {
                var f = r.Key(fk);
                if (f != "type")
                {
                    fields[f] = r.Scalar(fv, f);
                }
            }

            list.Add(new SpecSignal(id, type, fields, Line(key.Start)));
        }

        return list;
    }

    private static SpecRule ReadRule(Reader r, YamlNode node)
    {
        var m = r.Mapping(node, "rules[]");
        r.OnlyKeys(m, "rule", "when", "weights");
        var when = new List<SpecScalar>();
        if (Reader.Optional(m, "when") is { } w)
        {
            if (w is YamlSequenceNode seq)
            {
                when.AddRange(seq.Children.Select(n => r.Scalar(n, "when")));
            }
            else
            {
                when.Add(r.Scalar(w, "when"));
            }
        }

        var weightsNode = r.Required(m, "weights");
        var weights = new Dictionary<string, SpecScalar>(StringComparer.Ordinal);
        foreach (var (k, v) in r.Mapping(weightsNode, "weights").Children)
        {
            weights[r.Key(k)] = r.Scalar(v, "weights");
        }

        return new SpecRule(when, weights, Line(node.Start), Line(weightsNode.Start));
    }

    private static SpecRebalance ReadRebalance(Reader r, YamlNode node)
    {
        var m = r.Mapping(node, "rebalance");
        r.OnlyKeys(m, "rebalance", "calendar", "drift", "on_signal", "min_trade");
        return new SpecRebalance(
            Reader.Optional(m, "calendar") is { } c ? r.Scalar(c, "calendar") : null,
            Reader.Optional(m, "drift") is { } d ? r.Scalar(d, "drift") : null,
            Reader.Optional(m, "on_signal") is { } s && r.Bool(s, "on_signal"),
            Reader.Optional(m, "min_trade") is { } t ? r.Scalar(t, "min_trade") : null,
            Line(node.Start));
    }

    private static int Line(Mark mark) => (int)Math.Min(int.MaxValue, mark.Line);

    private static StrategyException Error(string src, int line, string message) => StrategyException.InvalidSpec($"{src} line {line}: {message}");

    /// <summary>Typed access to YAML nodes with file/line errors.</summary>
    private sealed class Reader(string source)
    {
        public string Key(YamlNode node) => Scalar(node, "key").Text;

        public YamlNode Required(YamlMappingNode m, string key) =>
            Optional(m, key) ?? throw Error(source, Line(m.Start), $"missing `{key}`");

        public static YamlNode? Optional(YamlMappingNode m, string key) =>
            m.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

        public YamlMappingNode Mapping(YamlNode node, string field) =>
            node as YamlMappingNode ?? throw Error(source, Line(node.Start), $"`{field}` must be a mapping (key: value)");

        public YamlSequenceNode Sequence(YamlNode node, string field) =>
            node as YamlSequenceNode ?? throw Error(source, Line(node.Start), $"`{field}` must be a list");

        public SpecScalar Scalar(YamlNode node, string field) =>
            node is YamlScalarNode { Value: { } v }
                ? new SpecScalar(v, Line(node.Start))
                : throw Error(source, Line(node.Start), $"`{field}` must be a single value");

        public double Number(YamlNode node, string field)
        {
            var s = Scalar(node, field);
            return double.TryParse(s.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
                ? v
                : throw Error(source, s.Line, $"`{field}` = `{s.Text}` is not a number");
        }

        public bool Bool(YamlNode node, string field)
        {
            var s = Scalar(node, field);
            return s.Text.ToLowerInvariant() switch
            {
                "true" or "yes" => true,
                "false" or "no" => false,
                _ => throw Error(source, s.Line, $"`{field}` = `{s.Text}` must be true or false"),
            };
        }

        public void OnlyKeys(YamlMappingNode m, string field, params string[] allowed)
        {
            foreach (var k in m.Children.Keys)
            {
                var key = Key(k);
                if (!allowed.Contains(key))
                {
                    throw Error(source, Line(k.Start), $"`{field}`: unknown field `{key}` (expected {string.Join(", ", allowed)})");
                }
            }
        }
    }
}
