using System.Text.Json.Nodes;
using FocWorkflows.Server.Engine.Running;

namespace FocWorkflows.Server.Engine.Activities;

/// <summary>
/// A calendar entry an activity wants in people's calendars: a meeting, or a deadline for the
/// people who must act. <see cref="Key"/> names it for later updates and cancellation.
/// </summary>
/// <param name="Link">A path of this server where the attendees act (e.g. <c>/consultations/42</c>); delivery makes it absolute.</param>
/// <param name="IsDeadline">A deadline, not a meeting: shown as free, asks no response, and reminds the day before.</param>
public sealed record CalendarEntry(
    string Key,
    string Subject,
    string Body,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<(string Email, string Name)> Attendees,
    bool Online = false,
    string? Location = null,
    string? Link = null,
    bool IsDeadline = false)
{
    public const string Kind = "calendar-event";

    /// <summary>A deadline shows as a 30-minute entry ending at the deadline, so it sits where the day ends for the reader.</summary>
    public static CalendarEntry Deadline(string key, string subject, string body, DateTimeOffset deadline,
        IReadOnlyList<(string Email, string Name)> attendees, string? link = null) =>
        new(key, subject, body, deadline.AddMinutes(-30), deadline, attendees, Link: link, IsDeadline: true);

    internal JsonObject ToPayload(string action) => new()
    {
        ["action"] = action, ["eventKey"] = Key, ["purpose"] = IsDeadline ? "deadline" : "meeting", ["subject"] = Subject, ["body"] = Body,
        ["start"] = Start.ToUniversalTime(), ["end"] = End.ToUniversalTime(), ["timeZone"] = "UTC",
        ["attendees"] = new JsonArray([.. Attendees.Select(a => (JsonNode)new JsonObject { ["email"] = a.Email, ["name"] = a.Name })]),
        ["isOnlineMeeting"] = Online, ["location"] = Location, ["link"] = Link,
    };

    internal static void Cancel(Burst burst, string key, string comment, string? nodeId)
    {
        if (!burst.State.CalendarEvents.Remove(key, out var start)) return;
        burst.Enqueue(Kind, new JsonObject
        {
            ["action"] = "cancel", ["eventKey"] = key, ["start"] = start.ToUniversalTime(), ["comment"] = comment,
        }, nodeId);
    }
}
