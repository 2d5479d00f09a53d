using System.Globalization;
using FocWorkflows.Definitions.Globalization;
using Humanizer;

namespace FocWorkflows.Designer.Pages.Consultations;

/// <summary>
/// A moment as one reader should see it: relative ("3 days from now") and exact, in their time zone
/// and language. Humanizer falls back to English for a language it does not have; an unknown
/// language or time zone falls back to English and UTC rather than failing the page.
/// </summary>
public sealed record ReaderMoment(string Relative, string Exact, string Language, string Iso)
{
    public static ReaderMoment Of(DateTimeOffset at, DateTimeOffset now, string? timeZone, string? language)
    {
        var culture = ReaderCulture.For(language);
        var zone = timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var offset = local.Offset == TimeSpan.Zero ? "UTC" : $"UTC{(local.Offset < TimeSpan.Zero ? '-' : '+')}{local.Offset:hh\\:mm}";
        var exact = $"{local.ToString("f", culture)} ({(zone == TimeZoneInfo.Utc ? "UTC" : $"{zone.Id}, {offset}")})";
        return new(at.Humanize(now, culture), exact, culture.Name, at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }

}
