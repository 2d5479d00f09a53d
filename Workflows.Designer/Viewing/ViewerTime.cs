using System.Globalization;
using Humanizer;

namespace FocWorkflows.Designer.Viewing;

/// <summary>Moments as the viewer reads them: exactly in their own time zone, and humanized from now.</summary>
public sealed class ViewerTime(TimeZoneInfo zone, DateTimeOffset now)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public TimeZoneInfo Zone => zone;

    /// <summary>The moment the page was drawn; deadlines are compared with it.</summary>
    public DateTimeOffset Now => now;

    public static ViewerTime For(string? timeZoneId, TimeProvider time) =>
        new(timeZoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var z) ? z : TimeZoneInfo.Utc, time.GetUtcNow());

    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone);

    /// <summary>E.g. <c>Tue 1 Dec 2026, 17:00 (Europe/Tallinn, UTC+02:00)</c>.</summary>
    public string Exact(DateTimeOffset at)
    {
        var local = Local(at);
        return $"{local.ToString("ddd d MMM yyyy, HH:mm", English)} ({zone.Id}, UTC{local.ToString("zzz", English)})";
    }

    /// <summary>E.g. <c>closes in 3 days</c> or <c>closed 2 hours ago</c>.</summary>
    public string Due(DateTimeOffset due) => due >= now
        ? $"closes in {Span(due - now)}"
        : $"closed {Span(now - due)} ago";

    /// <summary>E.g. <c>3 days ago</c>.</summary>
    public string Ago(DateTimeOffset at) => at <= now ? $"{Span(now - at)} ago" : $"in {Span(at - now)}";

    /// <summary>A moment as a <c>datetime-local</c> value in the viewer's zone (to prefill such an input).</summary>
    public string ToLocalInput(DateTimeOffset at) => Local(at).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A <c>datetime-local</c> value read in the viewer's zone, as ISO 8601 with the offset of that moment.</summary>
    public string? FromLocalInput(string value)
    {
        if (!DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return null;
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    private static string Span(TimeSpan span) =>
        span.Humanize(precision: 1, culture: English, maxUnit: TimeUnit.Week, minUnit: TimeUnit.Minute);
}
