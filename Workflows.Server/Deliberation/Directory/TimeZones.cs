namespace FocWorkflows.Server.Deliberation.Directory;

/// <summary>IANA time zones of the directory, read safely: an unknown id falls back to UTC.</summary>
public static class TimeZones
{
    public static TimeZoneInfo Find(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    public static bool IsKnown(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
