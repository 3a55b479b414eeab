using TreasuryArena.Core.Strategies;
using TreasuryArena.Infrastructure.Strategies;

namespace TreasuryArena.Infrastructure.Tests.Strategies;

public sealed class StrategySpecReaderTests
{
    private const string Valid = """
        name: trend-test
        description: test
        assets: [BTC, YIELD]
        parameters:
          window: {default: 50, min: 10, max: 200, integer: true}
        signals:
          up: {type: price_above_ma, asset: BTC, window: $window}
        rules:
          - when: [up]
            weights: {BTC: 1}
          - weights: {YIELD: 1}
        rebalance:
          on_signal: true
        costs:
          fee_bps: 12
        """;

    [Fact]
    public void Parse_ValidSpec_CompilesWithParametersAndCosts()
    {
        var compiled = Core.Strategies.Specs.StrategySpecCompiler.Compile(StrategySpecReader.Parse(Valid, "t.yaml"));
        Assert.Equal(12, compiled.FeeBps);
        Assert.Null(compiled.SlippageBps);
        var s = compiled.Create(new Dictionary<string, string> { ["window"] = "80" });
        Assert.Equal("trend-test", s.Name);
        Assert.Equal(80, s.WarmupBars);
        Assert.True(s.Rebalance.OnSignal);
    }

    [Fact]
    public void Parse_WeightsNotSummingToOne_NamesFileLineAndField()
    {
        var text = string.Join('\n', Enumerable.Repeat("# padding", 8)) + "\nname: x\nassets: [BTC, YIELD]\nrules:\n  - weights: {BTC: 0.7, YIELD: 0.5}\n";
        var ex = Assert.Throws<StrategyException>(() => Compile(text, "file.yaml"));
        Assert.Equal("file.yaml line 12: `weights` sums to 1.2, must be 1", ex.Message);
    }

    [Theory]
    [InlineData("name: x\nassets: [BTC, DOGE]\nrules:\n  - weights: {BTC: 1}\n", "line 2: `assets`: unknown asset `DOGE`")]
    [InlineData("name: x\nassets: [BTC]\nsignals:\n  s: {type: moon, asset: BTC}\nrules:\n  - weights: {BTC: 1}\n", "line 4: signal `s`: unknown type `moon`")]
    [InlineData("name: x\nassets: [BTC]\nsignals:\n  s: {type: price_above_ma, asset: BTC}\nrules:\n  - weights: {BTC: 1}\n", "line 4: signal `s` (price_above_ma): missing `window`")]
    [InlineData("name: x\nassets: [BTC, YIELD]\nrules:\n  - when: [nothing]\n    weights: {BTC: 1}\n  - weights: {YIELD: 1}\n", "line 4: `when`: unknown signal `nothing`")]
    [InlineData("name: x\nassets: [BTC]\nrules:\n  - weights: {BTC: $w}\n", "line 4: `weights` refers to `$w`, but there is no parameter `w`")]
    [InlineData("name: x\nassets: [BTC]\nrules:\n  - weights: {BTC: 1}\nrebalance:\n  calendar: hourly\n", "line 6: `calendar` `hourly` is not one of")]
    [InlineData("name: Bad Name\nassets: [BTC]\nrules:\n  - weights: {BTC: 1}\n", "line 1: `name` `Bad Name` must be kebab-case")]
    [InlineData("name: x\nassets: [BTC]\nrules:\n  - weights: {BTC: 1}\ncolour: red\n", "line 5: unknown field `colour`")]
    [InlineData("name: x\nassets: [BTC\nrules: []\n", "not valid YAML/JSON")]
    public void Parse_InvalidSpec_ErrorNamesLineAndField(string text, string expected)
    {
        var ex = Assert.Throws<StrategyException>(() => Compile(text, "s.yaml"));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("s.yaml", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Json_SameAsYaml()
    {
        const string json = """
            {
              "name": "json-spec",
              "assets": ["BTC", "YIELD"],
              "rules": [
                { "weights": { "BTC": 0.25, "YIELD": 0.75 } }
              ],
              "rebalance": { "calendar": "weekly" }
            }
            """;
        var s = Compile(json, "s.json").Create();
        Assert.Equal(Core.Backtesting.RebalanceCalendar.Weekly, s.Rebalance.Calendar);
        var ex = Assert.Throws<StrategyException>(() => Compile(json.Replace("0.75", "0.5", StringComparison.Ordinal), "s.json"));
        Assert.Equal("s.json line 5: `weights` sums to 0.75, must be 1", ex.Message);
    }

    [Fact]
    public void Create_ParameterOutsideRange_Refused()
    {
        var compiled = Compile(Valid, "t.yaml");
        var ex = Assert.Throws<StrategyException>(() => compiled.Create(new Dictionary<string, string> { ["window"] = "500" }));
        Assert.Contains("`window` = 500 is outside its range 10..200", ex.Message, StringComparison.Ordinal);
    }

    private static Core.Strategies.Specs.CompiledSpec Compile(string text, string name) =>
        Core.Strategies.Specs.StrategySpecCompiler.Compile(StrategySpecReader.Parse(text, name));
}
