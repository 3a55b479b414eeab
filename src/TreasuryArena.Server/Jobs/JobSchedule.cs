using System.Globalization;

namespace TreasuryArena.Server.Jobs;

/// <summary>
/// When a job is due: daily at a UTC time, weekly on a day at a UTC time, or every N minutes. A schedule names
/// each occurrence by a slot (<c>2026-03-02</c>, <c>2026-W10</c>, <c>i30:12345</c>); a slot runs once per cluster.
/// </summary>
public sealed record JobSchedule(JobScheduleKind Kind, TimeOnly At, DayOfWeek Day, int EveryMinutes)
{
    public static JobSchedule Daily(int hour, int minute) => new(JobScheduleKind.Daily, new TimeOnly(hour, minute), DayOfWeek.Monday, 0);

    public static JobSchedule Weekly(DayOfWeek day, int hour, int minute) => new(JobScheduleKind.Weekly, new TimeOnly(hour, minute), day, 0);

    public static JobSchedule Every(int minutes) => new(JobScheduleKind.Interval, TimeOnly.MinValue, DayOfWeek.Monday, minutes);

    /// <summary>The latest occurrence at or before <paramref name="now"/> (a missed one runs late, once).</summary>
    public string CurrentSlot(DateTimeOffset now)
    {
        var utc = now.UtcDateTime;
        var today = DateOnly.FromDateTime(utc);
        switch (Kind)
        {
            case JobScheduleKind.Daily:
                var day = TimeOnly.FromDateTime(utc) >= At ? today : today.AddDays(-1);
                return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case JobScheduleKind.Weekly:
                var back = ((int)today.DayOfWeek - (int)Day + 7) % 7;
                var date = today.AddDays(-back);
                if (back == 0 && TimeOnly.FromDateTime(utc) < At)
                {
                    date = date.AddDays(-7);
                }

                return "week-of-" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            default:
                var index = now.ToUnixTimeSeconds() / (EveryMinutes * 60L);
                return string.Create(CultureInfo.InvariantCulture, $"every-{EveryMinutes}m-{index}");
        }
    }

    public override string ToString() => Kind switch
    {
        JobScheduleKind.Daily => string.Create(CultureInfo.InvariantCulture, $"daily at {At:HH:mm} UTC"),
        JobScheduleKind.Weekly => string.Create(CultureInfo.InvariantCulture, $"weekly on {Day} at {At:HH:mm} UTC"),
        _ => string.Create(CultureInfo.InvariantCulture, $"every {EveryMinutes} minutes"),
    };
}
