using System.Globalization;

namespace FocWorkflows.Server.Deliberation.Word.Writing;

/// <summary>
/// Dates in our documents: day, month in words and year, so no reader mistakes 03/12 for 12 March;
/// times in the reader's zone, named.
/// </summary>
public static class WordDates
{
    public static string Day(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Moment(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("d MMMM yyyy HH:mm", CultureInfo.InvariantCulture) + $" ({zone.Id})";
}
