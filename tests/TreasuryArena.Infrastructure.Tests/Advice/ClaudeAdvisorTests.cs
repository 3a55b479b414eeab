using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using TreasuryArena.Core.Advice;
using TreasuryArena.Infrastructure.Advice;

namespace TreasuryArena.Infrastructure.Tests.Advice;

/// <summary>The Claude advisor through the real Anthropic SDK against a local Messages API listener.</summary>
public sealed class ClaudeAdvisorTests
{
    private const string ValidApproval = """{"action":"shrink","reasoning":"The market looks stretched; take half the step now.","confidence":64,"scale":0.5,"order_scales":[]}""";

    private readonly InMemoryAdvisorSpendLog _spend = new();

    private IAdvisor Advisor(FakeAnthropicServer server, int timeoutSeconds = 10, int maxRetries = 2, long budget = 100_000)
    {
        var options = new AnthropicOptions
        {
            ApiKey = "test-key",
            BaseUrl = server.BaseUrl,
            Model = "claude-test-model",
            TimeoutSeconds = timeoutSeconds,
            MaxRetries = maxRetries,
            RetryBaseDelayMilliseconds = 100,
            DailyTokenBudget = budget,
        };
        var rules = new RuleAdvisor(new RuleAdvisorOptions(), TimeProvider.System);
        var (advisor, notice) = ClaudeAdvisorFactory.Create(options, rules, _spend, TimeProvider.System, NullLoggerFactory.Instance);
        Assert.Null(notice);
        return advisor;
    }

    private static Task<Decision> Review(IAdvisor advisor) => advisor.ReviewRebalanceAsync(AdvisorSamples.Context(), CancellationToken.None);

    [Fact]
    public async Task ReviewRebalance_ValidStructuredAnswer_IsParsedIntoTheTypedDecision()
    {
        await using var server = new FakeAnthropicServer(FakeAnthropicServer.Respond(200, FakeAnthropicServer.Message(ValidApproval)));
        var decision = await Review(Advisor(server));

        Assert.Equal("claude", decision.Advisor);
        Assert.Equal(DecisionAction.Shrink, decision.Action);
        Assert.Equal(64, decision.Confidence);
        Assert.Equal(0.5m, decision.Adjustments!.Scale);
        Assert.Null(decision.FallbackReason);
        Assert.Equal(new AdvisorUsage("claude-test-model", 812, 95), decision.Usage);
        Assert.Equal(ValidApproval, decision.Transcript!.RawAnswer);
        Assert.Equal(907, await _spend.TokensUsedAsync(Today(), CancellationToken.None));

        var body = Assert.Single(server.Bodies);
        Assert.Equal("/v1/messages", server.Paths[0]);
        Assert.Contains("claude-test-model", body, StringComparison.Ordinal);
        Assert.Contains("mvrv_z: 7.2", body, StringComparison.Ordinal);
        Assert.Contains("1 days old", body, StringComparison.Ordinal);
        Assert.Contains("Sell BTC at paper: 30,000.00 USD", body, StringComparison.Ordinal);
        Assert.Contains("acting was right", body, StringComparison.Ordinal);
        Assert.Contains("order_scales", body, StringComparison.Ordinal);
        Assert.Contains("\"json_schema\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewRebalance_MalformedJson_RuleDecisionStands()
    {
        await using var server = new FakeAnthropicServer(FakeAnthropicServer.Respond(200, FakeAnthropicServer.Message("""{"action":"approve","reasoning":"ok","confidence":""")));
        var decision = await Review(Advisor(server));
        var rule = await new RuleAdvisor(new RuleAdvisorOptions(), TimeProvider.System).ReviewRebalanceAsync(AdvisorSamples.Context(), CancellationToken.None);

        Assert.Equal("rules", decision.Advisor);
        Assert.Equal("malformed_output", decision.FallbackReason);
        Assert.Equal(rule.Action, decision.Action);
        Assert.Equal(rule.Reasoning, decision.Reasoning);
        Assert.Contains("\"confidence\":", decision.Transcript!.RawAnswer, StringComparison.Ordinal);
        Assert.NotNull(decision.Usage);
    }

    [Fact]
    public async Task ReviewRebalance_TextOutsideTheSchema_RuleDecisionStands()
    {
        await using var server = new FakeAnthropicServer(FakeAnthropicServer.Respond(200, FakeAnthropicServer.Message("Sure! Here is my decision: " + ValidApproval)));
        var decision = await Review(Advisor(server));
        Assert.Equal("rules", decision.Advisor);
        Assert.Equal("malformed_output", decision.FallbackReason);
    }

    [Fact]
    public async Task ReviewRebalance_ActionOutsideTheSchema_RuleDecisionStands()
    {
        await using var server = new FakeAnthropicServer(FakeAnthropicServer.Respond(200, FakeAnthropicServer.Message("""{"action":"buy_everything","reasoning":"yolo","confidence":150,"scale":null,"order_scales":[]}""")));
        var decision = await Review(Advisor(server));
        Assert.Equal("schema_violation", decision.FallbackReason);
        Assert.Equal("rules", decision.Advisor);
    }

    [Fact]
    public async Task ReviewRebalance_Refusal_RuleDecisionStands()
    {
        await using var server = new FakeAnthropicServer(FakeAnthropicServer.Respond(200, FakeAnthropicServer.Message("I can't help with that.", stopReason: "refusal")));
        var decision = await Review(Advisor(server));
        Assert.Equal("refusal", decision.FallbackReason);
        Assert.Equal("rules", decision.Advisor);
    }

    [Fact]
    public async Task ReviewRebalance_429WithRetryAfter_WaitsAndRetries()
    {
        await using var server = new FakeAnthropicServer(
            FakeAnthropicServer.Respond(429, FakeAnthropicServer.Error("rate_limit_error", "slow down"), retryAfter: "1"),
            FakeAnthropicServer.Respond(200, FakeAnthropicServer.Message(ValidApproval)));
        var watch = Stopwatch.StartNew();
        var decision = await Review(Advisor(server));
        watch.Stop();

        Assert.Equal("claude", decision.Advisor);
        Assert.Equal(2, server.Count);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.95), $"waited only {watch.Elapsed}");
    }

    [Fact]
    public async Task ReviewRebalance_429Persisting_FallsBackAsRateLimited()
    {
        await using var server = new FakeAnthropicServer(FakeAnthropicServer.Respond(429, FakeAnthropicServer.Error("rate_limit_error", "slow down"), retryAfter: "0"));
        var decision = await Review(Advisor(server, maxRetries: 1));
        Assert.Equal("rate_limited", decision.FallbackReason);
        Assert.Equal(2, server.Count);
    }

    [Fact]
    public async Task ReviewRebalance_RetryAfterPastTheTimeout_IsNotWaitedFor()
    {
        await using var server = new FakeAnthropicServer(FakeAnthropicServer.Respond(429, FakeAnthropicServer.Error("rate_limit_error", "slow down"), retryAfter: "120"));
        var watch = Stopwatch.StartNew();
        var decision = await Review(Advisor(server, timeoutSeconds: 5));
        Assert.Equal("rate_limited", decision.FallbackReason);
        Assert.Equal(1, server.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task ReviewRebalance_529Overloaded_FallsBack()
    {
        await using var server = new FakeAnthropicServer(FakeAnthropicServer.Respond(529, FakeAnthropicServer.Error("overloaded_error", "Overloaded")));
        var decision = await Review(Advisor(server, maxRetries: 1));
        Assert.Equal("overloaded", decision.FallbackReason);
        Assert.Equal("rules", decision.Advisor);
        Assert.Equal(2, server.Count);
    }

    [Fact]
    public async Task ReviewRebalance_SlowAnswerPastTheTimeout_FallsBack()
    {
        await using var server = new FakeAnthropicServer(FakeAnthropicServer.Respond(200, FakeAnthropicServer.Message(ValidApproval), delay: TimeSpan.FromSeconds(4)));
        var watch = Stopwatch.StartNew();
        var decision = await Review(Advisor(server, timeoutSeconds: 1));
        watch.Stop();
        Assert.Equal("timeout", decision.FallbackReason);
        Assert.Equal("rules", decision.Advisor);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task ReviewRebalance_DailyBudgetSpent_DoesNotCallClaude()
    {
        await using var server = new FakeAnthropicServer(FakeAnthropicServer.Respond(200, FakeAnthropicServer.Message(ValidApproval)));
        await _spend.RecordAsync(Today(), 5_000, CancellationToken.None);
        var decision = await Review(Advisor(server, budget: 5_000));
        Assert.Equal("token_budget", decision.FallbackReason);
        Assert.Equal(0, server.Count);
    }

    [Fact]
    public async Task ReviewRebalance_AnswerTryingToWiden_IsCutBackByGuardrails()
    {
        var widen = """{"action":"shrink","reasoning":"Go bigger.","confidence":90,"scale":3.0,"order_scales":[{"asset":"ETH","scale":1.0}]}""";
        await using var server = new FakeAnthropicServer(FakeAnthropicServer.Respond(200, FakeAnthropicServer.Message(widen)));
        var context = AdvisorSamples.Context();
        var decision = await Advisor(server).ReviewRebalanceAsync(context, CancellationToken.None);
        var outcome = Guardrails.Apply(context.Portfolio, context.Proposal, decision, context.Limits);
        Assert.True(outcome.WideningAttempted);
        Assert.All(outcome.Orders, o => Assert.True(o.Notional <= context.Proposal.Orders.Single(p => p.Asset == o.Asset).Notional));
        Assert.DoesNotContain(outcome.Orders, o => o.Asset == "ETH");
    }

    [Fact]
    public void Create_NoApiKey_UsesRulesAndSaysSo()
    {
        var rules = new RuleAdvisor(new RuleAdvisorOptions(), TimeProvider.System);
        var (advisor, notice) = ClaudeAdvisorFactory.Create(new AnthropicOptions(), rules, _spend, TimeProvider.System, NullLoggerFactory.Instance);
        Assert.Same(rules, advisor);
        Assert.Contains("Anthropic:ApiKey is not set", notice, StringComparison.Ordinal);
    }

    private static DateOnly Today() => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
}
