namespace TreasuryArena.Infrastructure.Platform;

/// <summary>Instants are stored as UTC ticks in both providers.</summary>
internal static class Ticks
{
    public static long From(DateTimeOffset at) => at.UtcTicks;

    public static DateTimeOffset To(long ticks) => new(ticks, TimeSpan.Zero);

    public static DateTimeOffset? To(long? ticks) => ticks is { } t ? To(t) : null;

    public static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    public static T Parse<T>(string value)
        where T : struct, Enum => Enum.Parse<T>(value, ignoreCase: true);
}
