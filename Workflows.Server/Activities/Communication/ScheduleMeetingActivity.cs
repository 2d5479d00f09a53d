using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Deliberation.Directory;
using FocWorkflows.Server.Engine.Activities;

namespace FocWorkflows.Server.Activities.Communication;

/// <param name="directory">Resolves the audience to the people invited.</param>
[Activity("communication.schedule-meeting", "Communication", "Schedule meeting",
    Description = "Puts a meeting (optionally with a Teams link) in the calendars of an audience; cancelled if the workflow is cancelled.",
    Outcomes = [Outcomes.Done])]
public sealed class ScheduleMeetingActivity(IDirectory directory) : Activity<ScheduleMeetingActivity.Settings>
{
    public sealed record Settings(
        [property: Setting(Help = "e.g. 'Kickoff of the Task Force on Digital Equality'.")] string Subject,
        [property: Setting(Help = "Who is invited.")] AudienceKind Audience,
        [property: Setting(Help = "When it starts, with its offset.")] DateTimeOffset Start,
        [property: Setting(Help = "How long it lasts, e.g. PT1H.")] TimeSpan Duration,
        [property: Setting(Help = "Add a Microsoft Teams link.")] bool Teams = true,
        [property: Setting(Help = "E-mails and role:NAME entries, for the List audience.")] IReadOnlyList<string>? People = null,
        [property: Setting(Help = "The agenda or a note for the invitation.", Multiline = true)] string? Agenda = null,
        [property: Setting(Help = "A room, when it is not only online.")] string? Location = null);

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Settings settings, CancellationToken ct)
    {
        if (settings.Duration <= TimeSpan.Zero) return ActivityResult.Fault("A meeting's duration must be positive.");
        var people = await directory.ResolveAsync(settings.Audience, context.TaskForceId, settings.People, ct);
        if (people.Count == 0) return ActivityResult.Fault("The meeting's audience resolves to no one.");

        var key = $"meeting:{context.InstanceId}:{context.NodeId}";
        var body = settings.Agenda is { Length: > 0 } agenda ? $"<p>{System.Net.WebUtility.HtmlEncode(agenda).Replace("\n", "<br>")}</p>" : "";
        context.ScheduleEvent(new CalendarEntry(key, settings.Subject, body, settings.Start, settings.Start + settings.Duration,
            [.. people.Select(p => (p.Email, p.Name))], settings.Teams, settings.Location));
        context.Journal("meeting-scheduled", new JsonObject
        {
            ["eventKey"] = key, ["start"] = settings.Start.ToUniversalTime(), ["attendees"] = people.Count, ["teams"] = settings.Teams,
        });
        context.SetOutput(new JsonObject { ["eventKey"] = key, ["attendees"] = people.Count });
        return ActivityResult.Outcome(Outcomes.Done);
    }
}
