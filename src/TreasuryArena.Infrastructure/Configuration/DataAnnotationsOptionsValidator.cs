using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace TreasuryArena.Infrastructure.Configuration;

/// <summary>
/// Validates an options class by its DataAnnotations (the Microsoft.Extensions.Options.DataAnnotations package is not
/// available here). Register with <c>services.TryAddEnumerable(ServiceDescriptor.Singleton&lt;IValidateOptions&lt;T&gt;, DataAnnotationsOptionsValidator&lt;T&gt;&gt;())</c>.
/// </summary>
public sealed class DataAnnotationsOptionsValidator<T> : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var results = new List<ValidationResult>();
        return Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(results.Select(r => $"{typeof(T).Name}: {r.ErrorMessage}"));
    }
}
