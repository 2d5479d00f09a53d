using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Deliberation.Directory;
using FocWorkflows.Server.Engine.Activities;

namespace FocWorkflows.Server.Activities.Deliberation;

/// <param name="directory">Tells whether the task force exists already (then it is renewed).</param>
[Activity("deliberation.establish-task-force", "Deliberation", "Establish task force",
    Description = "Creates (or renews) a task force in the directory from its approved charter.", Outcomes = [Outcomes.Done])]
public sealed class EstablishTaskForceActivity(IDirectory directory) : Activity<EstablishTaskForceActivity.Settings>
{
    public sealed record Settings(
        [property: Setting(Help = "Kebab-case id, e.g. digital-equality.")] string Id,
        [property: Setting(Help = "e.g. Task Force on Digital Equality.")] string Name,
        [property: Setting(Help = "What the task force is for.", Multiline = true)] string Mandate,
        [property: Setting(Help = "ISO codes of the lead governments.")] IReadOnlyList<string> LeadGovernments,
        [property: Setting(Help = "ISO codes of the member governments.")] IReadOnlyList<string> MemberGovernments,
        [property: Setting(Help = "E-mails of the Advisory Network co-leads.")] IReadOnlyList<string>? AdvisoryCoLeads = null,
        [property: Setting(Help = "E-mails of the advisors.")] IReadOnlyList<string>? Advisors = null,
        [property: Setting(Help = "When the mandate ends.")] DateTimeOffset? EndDate = null);

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Settings settings, CancellationToken ct)
    {
        var existing = await directory.FindTaskForceAsync(settings.Id, ct);
        var taskForce = existing ?? new TaskForce { Id = settings.Id, Name = settings.Name };
        taskForce.Name = settings.Name;
        taskForce.Mandate = settings.Mandate;
        taskForce.LeadGovernments = [.. settings.LeadGovernments];
        taskForce.MemberGovernments = [.. settings.MemberGovernments.Union(settings.LeadGovernments)];
        taskForce.AdvisoryCoLeads = [.. settings.AdvisoryCoLeads ?? []];
        taskForce.Advisors = [.. (settings.Advisors ?? []).Union(settings.AdvisoryCoLeads ?? [])];
        taskForce.EndDate = settings.EndDate is { } end ? DateOnly.FromDateTime(end.UtcDateTime) : null;
        taskForce.EstablishedAt = context.Now;
        if (existing is null) context.Record(taskForce);
        else context.Update(taskForce);

        context.Journal(existing is null ? "task-force-established" : "task-force-renewed",
            new JsonObject { ["taskForceId"] = taskForce.Id, ["endDate"] = taskForce.EndDate?.ToString("O", CultureInfo.InvariantCulture) });
        context.SetOutput(JsonSerializer.SerializeToNode(new { taskForceId = taskForce.Id, renewed = existing is not null }));
        return ActivityResult.Outcome(Outcomes.Done);
    }
}
