using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using TreasuryArena.Core.Advice;

namespace TreasuryArena.Infrastructure.Advice;

/// <summary>
/// The Claude advisor, through any <see cref="IChatClient"/> (the official Anthropic SDK's adapter in production).
/// It first asks the rule advisor, then Claude with the full context and a JSON schema for the answer. Whenever
/// Claude's answer cannot be used — over the daily token budget, a timeout, 429/529 after the allowed retries, any
/// error, a refusal, text that is not the schema's JSON — the rule decision stands, with
/// <see cref="Decision.FallbackReason"/> and the transcript (prompt and raw answer or error) for the journal.
/// </summary>
public sealed class ClaudeAdvisor(
    IChatClient chat,
    IAdvisor rules,
    AnthropicOptions options,
    IAdvisorSpendLog spend,
    TimeProvider timeProvider,
    ILogger<ClaudeAdvisor> logger) : IAdvisor
{
    public string Name => Decision.ClaudeAdvisor;

    public async Task<Decision> AnalyzeDailyAsync(AdvisorContext context, CancellationToken cancellationToken)
    {
        var rule = await rules.AnalyzeDailyAsync(context, cancellationToken);
        return await AskAsync(DecisionKind.DailyAnalysis, ClaudePrompt.ForContext(DecisionKind.DailyAnalysis, context, rule, null), rule, cancellationToken);
    }

    public async Task<Decision> ReviewRebalanceAsync(AdvisorContext context, CancellationToken cancellationToken)
    {
        var rule = await rules.ReviewRebalanceAsync(context, cancellationToken);
        return await AskAsync(DecisionKind.RebalanceApproval, ClaudePrompt.ForContext(DecisionKind.RebalanceApproval, context, rule, null), rule, cancellationToken);
    }

    public async Task<Decision> AssessEmergencyAsync(AdvisorContext context, EmergencyEvent emergency, CancellationToken cancellationToken)
    {
        var rule = await rules.AssessEmergencyAsync(context, emergency, cancellationToken);
        return await AskAsync(DecisionKind.EmergencyAssessment, ClaudePrompt.ForContext(DecisionKind.EmergencyAssessment, context, rule, emergency), rule, cancellationToken);
    }

    public async Task<Decision> ReviewWeekAsync(WeeklyReviewInput input, CancellationToken cancellationToken)
    {
        var rule = await rules.ReviewWeekAsync(input, cancellationToken);
        return await AskAsync(DecisionKind.WeeklyReview, ClaudePrompt.ForWeek(input, rule), rule, cancellationToken);
    }

    private async Task<Decision> AskAsync(DecisionKind kind, string prompt, Decision rule, CancellationToken cancellationToken)
    {
        var start = timeProvider.GetTimestamp();
        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var used = await spend.TokensUsedAsync(today, cancellationToken);
        if (used >= options.DailyTokenBudget)
        {
            return Fallback(rule, "token_budget", $"{used} tokens used today, budget {options.DailyTokenBudget}", prompt, null, null, start);
        }

        Log.ClaudePrompt(logger, prompt);
        var timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
        var state = new ClaudeCallState();
        var previous = ClaudeCallState.Current;
        ClaudeCallState.Current = state;
        using var timeoutCts = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutCts.Token);
        ChatResponse response;
        try
        {
            var chatOptions = new ChatOptions
            {
                ModelId = options.Model,
                MaxOutputTokens = options.MaxTokens,
                ResponseFormat = ChatResponseFormat.ForJsonSchema(ClaudePrompt.Schema(kind), "advisor_decision", "The advisor's typed decision."),
            };
            response = await chat.GetResponseAsync(
                [new ChatMessage(ChatRole.System, ClaudePrompt.System), new ChatMessage(ChatRole.User, prompt)],
                chatOptions,
                linked.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = timeoutCts.IsCancellationRequested || ex is TimeoutException or Polly.Timeout.TimeoutRejectedException || ex.InnerException is TimeoutException or Polly.Timeout.TimeoutRejectedException
                ? "timeout"
                : state.LastStatus switch
                {
                    429 => "rate_limited",
                    529 => "overloaded",
                    503 => "unavailable",
                    401 or 403 => "unauthorized",
                    _ => "error",
                };
            var detail = $"{ex.GetType().Name}: {ex.Message}" + (state.Attempts > 1 ? $" (after {state.Attempts} attempts)" : "");
            return Fallback(rule, reason, detail, prompt, null, null, start);
        }
        finally
        {
            ClaudeCallState.Current = previous;
        }

        var raw = response.Text;
        Log.ClaudeRawAnswer(logger, raw);
        var input = response.Usage?.InputTokenCount ?? 0;
        var output = response.Usage?.OutputTokenCount ?? 0;
        if (input + output > 0)
        {
            await spend.RecordAsync(today, input + output, cancellationToken);
        }

        var usage = new AdvisorUsage(response.ModelId ?? options.Model, input, output);
        if (response.FinishReason == ChatFinishReason.ContentFilter)
        {
            return Fallback(rule, "refusal", "the model declined to answer", prompt, raw, usage, start);
        }

        var parsed = ClaudeAnswerParser.Parse(raw, kind);
        if (parsed.Decision is null)
        {
            return Fallback(rule, parsed.Failure!, parsed.Detail!, prompt, raw, usage, start);
        }

        var latency = timeProvider.GetElapsedTime(start);
        Log.ClaudeAnswered(logger, kind.ToString(), parsed.Decision.Action.ToString(), parsed.Decision.Confidence, (long)latency.TotalMilliseconds, usage.TotalTokens);
        return parsed.Decision with
        {
            Latency = latency,
            Usage = usage,
            Transcript = new AdvisorTranscript(prompt, raw),
        };
    }

    private Decision Fallback(Decision rule, string reason, string detail, string prompt, string? raw, AdvisorUsage? usage, long start)
    {
        Log.ClaudeFallback(logger, reason, detail);
        return rule with
        {
            FallbackReason = reason,
            Latency = timeProvider.GetElapsedTime(start),
            Usage = usage,
            Transcript = new AdvisorTranscript(prompt, raw ?? "(no answer) " + reason + ": " + detail),
        };
    }
}
