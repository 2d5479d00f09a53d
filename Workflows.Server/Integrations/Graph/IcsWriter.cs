using System.Net;
using System.Text.RegularExpressions;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using VEvent = Ical.Net.CalendarComponents.CalendarEvent;

namespace FocWorkflows.Server.Integrations.Graph;

/// <summary>
/// One event as an iCalendar (RFC 5545) request or cancellation, the way Outlook reads it.
/// Ical.Net does the folding and escaping; this class decides what the calendar says.
/// </summary>
internal static partial class IcsWriter
{
    public enum Method { Request, Cancel }

    private const string ProductId = "-//Freedom Online Coalition//FocWorkflows//EN";

    // Outlook's own property: without it, attendees may propose a new time for a deadline.
    private const string DisallowCounter = "X-MICROSOFT-DISALLOW-COUNTER";

    public static string FilePrefix(string key) => SafeName().Replace(key, "_") + "--";

    public static string Write(CalendarEvent e, Method method, int sequence, string organizer, string? comment, DateTimeOffset stamp)
    {
        var vevent = new VEvent
        {
            Uid = e.Key,
            Sequence = sequence,
            DtStamp = Utc(stamp),
            DtStart = Utc(e.Start),
            DtEnd = Utc(e.End),
            Summary = e.Subject,
            Description = comment ?? PlainText(e.HtmlBody),
            Location = e.Location,
            Organizer = new Organizer { Value = new Uri("mailto:" + organizer) },
            // A deadline is not time spent: it must not make anyone look busy.
            Transparency = e.IsDeadline ? TransparencyType.Transparent : TransparencyType.Opaque,
            Status = method == Method.Cancel ? EventStatus.Cancelled : null,
        };
        foreach (var a in e.Attendees)
            vevent.Attendees.Add(new Attendee("mailto:" + a.Email)
            {
                // A parameter value cannot hold a double quote (RFC 5545 3.1): Ical.Net would drop it, an apostrophe still reads as a quote.
                CommonName = a.Name?.Replace('"', '\''),
                Role = ParticipationRole.RequiredParticipant,
                // Nobody accepts a deadline; a meeting wants to know who comes.
                Rsvp = !e.IsDeadline,
            });
        if (e.IsDeadline)
        {
            vevent.AddProperty(DisallowCounter, "TRUE");
            vevent.Alarms.Add(Reminder(e));
        }

        var calendar = new Calendar
        {
            ProductId = ProductId,
            Method = method == Method.Cancel ? CalendarMethods.Cancel : CalendarMethods.Request,
        };
        calendar.Events.Add(vevent);
        return SplitPair().Replace(new CalendarSerializer().SerializeToString(calendar)!, "\r\n $1");
    }

    // Outlook's reminder is a time before the start (Graph's reminderMinutesBeforeStart), so "a day before the deadline" is said from the start.
    private static Alarm Reminder(CalendarEvent e) => new()
    {
        Action = AlarmAction.Display,
        Description = e.Subject,
        Trigger = new Trigger(-Duration.FromTimeSpanExact(e.ReminderBeforeStart!.Value)),
    };

    private static CalDateTime Utc(DateTimeOffset moment) => new(moment.UtcDateTime, CalDateTime.UtcTzId);

    // Outlook shows DESCRIPTION as the entry's text: block ends become line breaks, other tags go.
    private static string PlainText(string html)
    {
        var text = WebUtility.HtmlDecode(Tags().Replace(BlockEnds().Replace(html, "\n"), ""));
        return string.Join("\n", text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0));
    }

    // Ical.Net 5.2.4 may fold a line between the two halves of a surrogate pair (an emoji), which no UTF-8 file
    // can hold: the fold moves before the pair. That continuation line may reach 76 octets; readers accept it.
    [GeneratedRegex(@"([\uD800-\uDBFF])\r\n (?=[\uDC00-\uDFFF])")]
    private static partial Regex SplitPair();

    [GeneratedRegex(@"<br\s*/?>|</(p|div|li|tr|h[1-6])\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnds();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex SafeName();
}
