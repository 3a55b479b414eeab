using Anthropic;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using TreasuryArena.Core.Advice;

namespace TreasuryArena.Infrastructure.Advice;

/// <summary>
/// Chooses the advisor from configuration: the Claude advisor (official Anthropic SDK, its <see cref="IChatClient"/>
/// adapter, SDK retries off and <see cref="RetryAfterHandler"/> in front) when <c>Anthropic:ApiKey</c> is set, else the
/// rule advisor with a one-line notice for the host to print once.
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

        var retry = new RetryAfterHandler(options, timeProvider, loggerFactory.CreateLogger<RetryAfterHandler>())
        {
            InnerHandler = innerHandler ?? new SocketsHttpHandler(),
        };
        var http = new HttpClient(retry) { Timeout = Timeout.InfiniteTimeSpan };
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
