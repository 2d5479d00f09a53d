using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Deliberation.Directory;
using FocWorkflows.Server.Engine.Activities;

namespace FocWorkflows.Server.Activities.Deliberation;

/// <param name="directory">Resolves the audience to the people, with their language and time zone.</param>
[Activity("deliberation.notify", "Deliberation", "Notify",
    Description = "Puts a message for each person of an audience in the outbox, rendered in their language and time zone.",
    Outcomes = [Outcomes.Done])]
public sealed class NotifyActivity(IDirectory directory) : Activity<NotifyActivity.Settings>
{
    public sealed record Settings(
        [property: Setting(Help = "Who receives it.")] AudienceKind Audience,
        [property: Setting(Help = "Subject, usually Liquid, e.g. 'Adopted: {{ input.title }}'.", Deferred = true)] JsonNode Subject,
        [property: Setting(Help = "Body, usually Liquid; rendered for each reader.", Multiline = true, Deferred = true)] JsonNode Body,
        [property: Setting(Help = "E-mails and role:NAME entries, for the List audience.")] IReadOnlyList<string>? People = null);

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Settings settings, CancellationToken ct)
    {
        var recipients = await directory.ResolveAsync(settings.Audience, context.TaskForceId, settings.People, ct);
        foreach (var person in recipients)
        {
            var zone = TimeZones.Find(person.TimeZone);
            context.Enqueue("mail", new JsonObject
            {
                ["to"] = person.Email, ["name"] = person.Name, ["language"] = person.Language, ["timeZone"] = person.TimeZone,
                ["subject"] = context.Render(settings.Subject, person.Language, zone),
                ["body"] = context.Render(settings.Body, person.Language, zone),
            });
        }
        context.Journal("notified", new JsonObject { ["audience"] = settings.Audience.ToString(), ["recipients"] = recipients.Count });
        context.SetOutput(new JsonObject { ["recipients"] = recipients.Count });
        return ActivityResult.Outcome(Outcomes.Done);
    }
}
