using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using TreasuryArena.Core.Advice;
using TreasuryArena.Core.Treasury;

namespace TreasuryArena.Infrastructure.Advice;

/// <summary>The treasury's configuration sections (<c>Treasury</c>, <c>Advisor:Rules</c>, <c>Anthropic</c>), read and validated together by every host.</summary>
public sealed record TreasuryConfiguration(TreasuryOptions Treasury, RuleAdvisorOptions Rules, AnthropicOptions Anthropic)
{
    /// <summary>Reads and validates the sections; an invalid value throws <see cref="InvalidOperationException"/> with the reason.</summary>
    public static TreasuryConfiguration Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        try
        {
            var treasury = (configuration.GetSection(TreasuryOptions.SectionName).Get<TreasuryOptions>() ?? new TreasuryOptions()).Validated();
            var rules = configuration.GetSection(RuleAdvisorOptions.SectionName).Get<RuleAdvisorOptions>() ?? new RuleAdvisorOptions();
            var anthropic = configuration.GetSection(AnthropicOptions.SectionName).Get<AnthropicOptions>() ?? new AnthropicOptions();
            Validator.ValidateObject(anthropic, new ValidationContext(anthropic), validateAllProperties: true);
            return new TreasuryConfiguration(treasury, rules, anthropic);
        }
        catch (Exception ex) when (ex is ArgumentException or ValidationException or InvalidOperationException)
        {
            throw new InvalidOperationException("invalid configuration: " + ex.Message, ex);
        }
    }
}
