using Microsoft.Extensions.Options;

namespace TreasuryArena.Infrastructure.MarketData.Options;

/// <summary>Start-up validation of <see cref="TreasuryIntelligenceOptions"/> through the settings' own checks.</summary>
public sealed class TreasuryIntelligenceOptionsValidator : IValidateOptions<TreasuryIntelligenceOptions>
{
    public ValidateOptionsResult Validate(string? name, TreasuryIntelligenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            var settings = options.ToSettings();
            settings.Signal.Validate();
            if (!(settings.Triggers.DriftThreshold > 0 && settings.Triggers.DriftThreshold < 1))
            {
                return ValidateOptionsResult.Fail("Treasury:DriftThreshold must be within (0, 1)");
            }

            if (!(settings.Triggers.EmergencyBtcDrop24h < 0 && settings.Triggers.EmergencyBtcDrop24h > -1))
            {
                return ValidateOptionsResult.Fail("Treasury:EmergencyBtcDrop24h must be within (-1, 0)");
            }

            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"Treasury: {ex.Message}");
        }
    }
}
