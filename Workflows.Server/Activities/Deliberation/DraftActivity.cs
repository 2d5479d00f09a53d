using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Deliberation;
using FocWorkflows.Server.Deliberation.Directory;
using FocWorkflows.Server.Deliberation.Drafts;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Engine.Activities;

namespace FocWorkflows.Server.Activities.Deliberation;

/// <param name="directory">Tells who holds the pen: they get the task, and only they may submit.</param>
/// <param name="drafts">The latest version, to number the next one and keep its title.</param>
[Activity(Type, "Deliberation", "Draft",
    Description = "Asks the pen-holders for the next version of the text; done when one of them submits it (POST /api/instances/{id}/drafts).",
    Blocking = true, Outcomes = [Outcomes.Done])]
public sealed class DraftActivity(IDirectory directory, IDraftReads drafts) : Activity<DraftActivity.Settings>
{
    public const string Type = "deliberation.draft";
    public const string SubmitAction = "submit";

    public sealed record Settings(
        [property: Setting(Help = "What the pen-holders must do, e.g. 'Submit the draft'.")] string Title = "Submit the draft",
        [property: Setting(Help = "Due after this long, as an ISO 8601 duration (P7D).")] TimeSpan? DueIn = null,
        [property: Setting(Help = "Guidance for the pen-holders.", Multiline = true)] string? Instructions = null,
        [property: Setting(Help = "The title of the text itself, which its versions and its publication carry (the task keeps 'title'), e.g. "
            + "{\"js\": \"input.title\"}. When empty: the previous version's title, else the workflow's 'title' input.")] string? TextTitle = null);

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Settings settings, CancellationToken ct)
    {
        var penHolders = await PenHolders.ResolveAsync(directory, context.TaskForceId, ct);
        var bookmark = context.CreateBookmark(Type, context.InstanceId);
        var due = settings.DueIn is { } d ? context.Now + d : (DateTimeOffset?)null;
        context.CreateInboxTask(settings.Title, [.. penHolders.Select(p => p.Email)], due, bookmark, $"/api/instances/{context.InstanceId}/drafts");
        return ActivityResult.Suspend(bookmark);
    }

    protected override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Settings settings, ResumeSignal signal, CancellationToken ct)
    {
        if (signal.Action != SubmitAction)
            throw WorkflowProblem.Invalid("Unknown action", new Dictionary<string, string[]> { ["action"] = [$"A draft step accepts '{SubmitAction}'."] });
        var author = signal.OnBehalfOf ?? signal.Actor;
        var penHolders = await PenHolders.ResolveAsync(directory, context.TaskForceId, ct);
        if (!PenHolders.Includes(penHolders, author))
            throw WorkflowProblem.Forbidden("Only the pen-holders submit draft versions.");
        var markdown = Text(signal.Payload, "markdown");
        if (DraftRules.Problems(markdown, Text(signal.Payload, "title"), Text(signal.Payload, "note")) is { Count: > 0 } errors)
            throw WorkflowProblem.Invalid("The draft is not valid", errors);

        var latest = await drafts.LatestAsync(context, ct);
        var number = (latest?.Number ?? 0) + 1;
        var title = TextTitle(context, settings, Text(signal.Payload, "title"), latest);
        var version = new DraftVersion
        {
            Id = Text(signal.Payload, "versionId") ?? context.NewId(), InstanceId = context.InstanceId, NodeId = context.NodeId,
            Number = number, Title = title, Markdown = Paragraphs.Normalize(markdown!), Note = Text(signal.Payload, "note"),
            SubmittedBy = signal.Actor!, OnBehalfOf = signal.OnBehalfOf, SubmittedAt = context.Now,
        };
        context.Record(version);
        // The version by its number and the hash of its text as stored: what a comment or a response refers to.
        context.Journal("draft-submitted", new JsonObject
        {
            ["version"] = number, ["versionId"] = version.Id, ["title"] = title, ["markdownSha256"] = TextReference.Sha256(version.Markdown),
        });
        context.SetOutput(new JsonObject { ["version"] = number, ["title"] = title });
        return ActivityResult.Outcome(Outcomes.Done);
    }

    /// <summary>The draft's text is recorded as its version; the journal's <c>resumed</c> line names it by its hash.</summary>
    public override JsonNode? JournaledPayload(JsonNode? payload) => TextReference.WithoutText(payload, "markdown");

    /// <summary>
    /// What the version is called: the title the pen-holder gave it, else the text's title (the step's
    /// setting, the previous version's, the workflow's <c>title</c> input), never the pen-holders' task title.
    /// </summary>
    private static string TextTitle(ActivityContext context, Settings settings, string? given, DraftVersion? latest) =>
        Trimmed(given) ?? Trimmed(settings.TextTitle) ?? latest?.Title ?? Trimmed(Text(context.Input, "title")) ?? context.Definition.Name;

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? Text(JsonNode? payload, string name) =>
        payload?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
