using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TreasuryArena.Infrastructure.Configuration;

/// <summary>Binding and start-up validation of one configuration section, the same way in every host.</summary>
public static class OptionsBuilderValidationExtensions
{
    /// <summary>
    /// Validates <typeparamref name="T"/> by its DataAnnotations (failures name the key, e.g. <c>Arena:RateLimitPerSecond</c>)
    /// when the host starts (<c>ValidateOnStart</c>; the CLI runs the same start-up validator before a verb).
    /// </summary>
    public static OptionsBuilder<T> ValidateAnnotationsOnStart<T>(this OptionsBuilder<T> builder, string sectionName)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IValidateOptions<T>>(new DataAnnotationsOptionsValidator<T>(sectionName));
        return builder.ValidateOnStart();
    }

    /// <summary>Validates <typeparamref name="T"/> by a check that throws <see cref="ArgumentException"/> naming the key.</summary>
    public static OptionsBuilder<T> ValidateByThrowing<T>(this OptionsBuilder<T> builder, Action<T> check)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(check);
        builder.Services.AddSingleton<IValidateOptions<T>>(new ThrowingValidator<T>(check));
        return builder.ValidateOnStart();
    }

    private sealed class ThrowingValidator<T>(Action<T> check) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            try
            {
                check(options);
                return ValidateOptionsResult.Success;
            }
            catch (ArgumentException ex)
            {
                return ValidateOptionsResult.Fail(ex.Message);
            }
        }
    }
}
