using Anthropic;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TreasuryArena.Infrastructure.Http;
using TreasuryArena.Core.Advice;

namespace TreasuryArena.Infrastructure.Advice;

/// <summary>
/// Chooses the advisor from configuration: the Claude advisor (official Anthropic SDK, its <see cref="IChatClient"/>
/// adapter, SDK retries off and the shared <see cref="ResilienceHandler"/> in front — total timeout
/// <c>Anthropic:TimeoutSeconds</c>, <c>Anthropic:MaxRetries</c> retries of 429/5xx (529 included) honouring
/// <c>retry-after</c> up to the timeout, circuit breaker) when <c>Anthropic:ApiKey</c> is set, else the rule advisor
/// with a one-line notice for the host to print once.
/// </summary>
public static class ClaudeAdvisorFactory
{
    public const string NoKeyNotice = "note: Anthropic:ApiKey is not set, so the Claude advisor is off and the rule advisor decides (set Anthropic__ApiKey to turn Claude on).";

    public static (IAdvisor Advisor, string? Notice) Create(
        AnthropicOptions options,
        RuleAdvisor rules,
        IAdvisorSpendLog spend,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory,
        HttpMessageHandler? innerHandler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        if (!options.Enabled)
        {
            return (rules, NoKeyNotice);
        }

        var resilience = new HttpResilienceOptions
        {
            TotalTimeoutSeconds = options.TimeoutSeconds,
            AttemptTimeoutSeconds = options.TimeoutSeconds,
            MaxRetries = options.MaxRetries,
            BaseDelayMilliseconds = options.RetryBaseDelayMilliseconds,
            MaxRetryAfterSeconds = options.TimeoutSeconds,
        };
        var pipelines = new HttpResiliencePipelines(Options.Create(resilience), timeProvider, loggerFactory);
        var handler = new ResilienceHandler(pipelines.For("anthropic"))
        {
            InnerHandler = new StatusRecordingHandler { InnerHandler = innerHandler ?? new SocketsHttpHandler() },
        };
        var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        var client = new AnthropicClient
        {
            ApiKey = options.ApiKey,
            BaseUrl = string.IsNullOrWhiteSpace(options.BaseUrl) ? Anthropic.Core.EnvironmentUrl.Production : options.BaseUrl,
            MaxRetries = 0,
            Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
            HttpClient = http,
        };
        var chat = client.AsIChatClient(options.Model, options.MaxTokens);
        return (new ClaudeAdvisor(chat, rules, options, spend, timeProvider, loggerFactory.CreateLogger<ClaudeAdvisor>()), null);
    }
}
