using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace TreasuryArena.Infrastructure.Configuration;

/// <summary>
/// Validates an options class by its DataAnnotations, naming each failing key by its configuration path
/// (<c>Arena:HoldTradeAboveWalletFraction: The field … must be between 0 and 1.</c>). Registered by
/// <see cref="OptionsBuilderValidationExtensions.ValidateAnnotationsOnStart{T}"/>.
/// </summary>
public sealed class DataAnnotationsOptionsValidator<T>(string? sectionName = null) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            return ValidateOptionsResult.Success;
        }

        var prefix = sectionName ?? typeof(T).Name;
        return ValidateOptionsResult.Fail(results.Select(r =>
            r.MemberNames.FirstOrDefault() is { } member ? $"{prefix}:{member}: {r.ErrorMessage}" : $"{prefix}: {r.ErrorMessage}"));
    }
}
