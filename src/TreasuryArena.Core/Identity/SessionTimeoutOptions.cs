namespace TreasuryArena.Core.Identity;

/// <summary>
/// The dashboard's sign-in sessions (configuration section <c>Sessions</c>): a session ends after
/// <see cref="IdleTimeout"/> without a request, and <see cref="AbsoluteTimeout"/> after sign-in whatever its use.
/// </summary>
public sealed class SessionTimeoutOptions
{
    public const string SectionName = "Sessions";

    /// <summary>The shortest idle timeout: last use is written at most once per <see cref="SessionService.TouchInterval"/>.</summary>
    public static readonly TimeSpan MinTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The longest absolute timeout.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromDays(30);

    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(30);

    public TimeSpan AbsoluteTimeout { get; init; } = TimeSpan.FromHours(8);

    /// <summary>Throws <see cref="ArgumentException"/> naming the key when a timeout is out of range.</summary>
    public void Validate()
    {
        if (AbsoluteTimeout < MinTimeout || AbsoluteTimeout > MaxTimeout)
        {
            throw new ArgumentException($"{SectionName}:AbsoluteTimeout must be within {MinTimeout} and {MaxTimeout}, got {AbsoluteTimeout}");
        }

        if (IdleTimeout < MinTimeout || IdleTimeout > AbsoluteTimeout)
        {
            throw new ArgumentException($"{SectionName}:IdleTimeout must be within {MinTimeout} and Sessions:AbsoluteTimeout ({AbsoluteTimeout}), got {IdleTimeout}");
        }
    }
}
