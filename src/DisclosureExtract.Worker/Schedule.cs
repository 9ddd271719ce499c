namespace DisclosureExtract.Worker;

/// <summary>When the next pass is due: daily at a local time of day, or a fixed interval after the last start.</summary>
public static class Schedule
{
    public static DateTimeOffset Next(DateTimeOffset now, TimeOnly? dailyAt, TimeSpan interval, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (dailyAt is not { } at)
        {
            return now + interval;
        }

        var local = TimeZoneInfo.ConvertTime(now, zone);
        var candidate = local.Date + at.ToTimeSpan();
        if (candidate <= local.DateTime)
        {
            candidate = candidate.AddDays(1);
        }

        // A time skipped by a daylight-saving change runs an hour later.
        while (zone.IsInvalidTime(candidate))
        {
            candidate = candidate.AddHours(1);
        }

        return new DateTimeOffset(candidate, zone.GetUtcOffset(candidate));
    }
}
