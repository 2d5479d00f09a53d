using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FocWorkflows.Server.Integrations.Graph;

/// <summary>A minimal iCalendar (RFC 5545) writer: one event, a request or a cancellation.</summary>
internal static partial class IcsWriter
{
    public enum Method { Request, Cancel }

    public static string FilePrefix(string key) => SafeName().Replace(key, "_") + "--";

    public static string Write(CalendarEvent e, Method method, int sequence, string organizer, string? comment, DateTimeOffset stamp)
    {
        var ics = new StringBuilder();
        void Line(string text) => ics.Append(Fold(text)).Append("\r\n");
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//Freedom Online Coalition//FocWorkflows//EN");
        Line("METHOD:" + (method == Method.Cancel ? "CANCEL" : "REQUEST"));
        Line("BEGIN:VEVENT");
        Line("UID:" + Escape(e.Key));
        Line("SEQUENCE:" + sequence.ToString(CultureInfo.InvariantCulture));
        Line("DTSTAMP:" + Utc(stamp));
        Line("DTSTART:" + Utc(e.Start));
        Line("DTEND:" + Utc(e.End));
        Line("SUMMARY:" + Escape(e.Subject));
        Line("DESCRIPTION:" + Escape(comment ?? PlainText(e.HtmlBody)));
        if (e.Location is not null) Line("LOCATION:" + Escape(e.Location));
        Line("ORGANIZER:mailto:" + organizer);
        foreach (var a in e.Attendees)
            Line($"ATTENDEE;ROLE=REQ-PARTICIPANT{(a.Name is null ? "" : $";CN=\"{a.Name.Replace("\"", "'")}\"")}:mailto:{a.Email}");
        if (method == Method.Cancel) Line("STATUS:CANCELLED");
        Line("END:VEVENT");
        Line("END:VCALENDAR");
        return ics.ToString();
    }

    private static string Utc(DateTimeOffset moment) => moment.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,").Replace("\r\n", "\\n").Replace("\n", "\\n");

    private static string PlainText(string html) => Tags().Replace(html, " ").Trim();

    // Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1).
    private static string Fold(string line)
    {
        if (Encoding.UTF8.GetByteCount(line) <= 75) return line;
        var folded = new StringBuilder();
        var count = 0;
        foreach (var ch in line)
        {
            var size = Encoding.UTF8.GetByteCount([ch]);
            if (count + size > 75) { folded.Append("\r\n "); count = 1; }
            folded.Append(ch);
            count += size;
        }
        return folded.ToString();
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex SafeName();
}
