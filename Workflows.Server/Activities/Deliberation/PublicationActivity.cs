using System.Text.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Definitions.Model;
using FocWorkflows.Server.Deliberation;
using FocWorkflows.Server.Deliberation.Directory;
using FocWorkflows.Server.Deliberation.Drafts;
using FocWorkflows.Server.Deliberation.Publications;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Engine.Activities;

namespace FocWorkflows.Server.Activities.Deliberation;

/// <param name="drafts">The latest draft version: the text the publication locks.</param>
/// <param name="publications">A scheduled publication and its expected translations, when the step resumes.</param>
/// <param name="directory">Tells who may provide a translation: the pen-holders and the secretariat.</param>
[Activity(Type, "Deliberation", "Publication",
    Description = "Locks the latest draft version with its signatories and expected translations, and releases it at once or at the embargo time.",
    Blocking = true, Outcomes = [Outcomes.Done])]
public sealed class PublicationActivity(IDraftReads drafts, IPublicationReads publications, IDirectory directory)
    : Activity<PublicationActivity.Settings>
{
    public const string Type = "deliberation.publication";
    public const string TranslateAction = "translate";

    public sealed record Settings(
        [property: Setting(Help = "Embargo: released at this moment; at once when empty or past.")] DateTimeOffset? ReleaseAt = null,
        [property: Setting(Help = "Languages of the expected translations, e.g. [\"fr\",\"es\",\"ar\"].", DefaultJson = "[]")] IReadOnlyList<string>? Languages = null,
        [property: Setting(Help = "Government codes of the signatories, e.g. {\"js\": \"outputs.approve.signatories\"}.")] IReadOnlyList<string>? Signatories = null,
        [property: Setting(Help = "Or the id of the approval-round step whose output lists the signatories (and those who dissociated).", Expressions = false)] string? SignatoriesFrom = null,
        [property: Setting(Help = "Government codes of the members that dissociated, shown apart, e.g. {\"js\": \"outputs.approve.dissociated\"}.")] IReadOnlyList<string>? Dissociated = null);

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Settings settings, CancellationToken ct)
    {
        var draft = await drafts.LatestAsync(context, ct);
        if (draft is null) return ActivityResult.Fault("There is no draft version to publish.");
        var signatories = Codes(settings.Signatories ?? ListOf(context, settings.SignatoriesFrom, "signatories"));
        var dissociated = Codes(settings.Dissociated ?? ListOf(context, settings.SignatoriesFrom, "dissociated")).Except(signatories).ToList();
        var releaseAt = settings.ReleaseAt?.ToUniversalTime();
        var scheduled = releaseAt > context.Now;
        var publication = new Publication
        {
            Id = context.NewId(), InstanceId = context.InstanceId, NodeId = context.NodeId, DraftNumber = draft.Number,
            Title = draft.Title, Markdown = draft.Markdown, Signatories = signatories, Dissociated = dissociated, CreatedAt = context.Now,
            ReleaseAt = scheduled ? releaseAt!.Value : context.Now,
            Status = scheduled ? PublicationStatus.Scheduled : PublicationStatus.Released, ReleasedAt = scheduled ? null : context.Now,
        };
        context.Record(publication);
        foreach (var language in (settings.Languages ?? []).Select(l => l.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
            context.Record(new Translation
            {
                Id = context.NewId(), PublicationId = publication.Id, Language = language, SourceVersion = draft.Number, Status = TranslationStatus.Pending,
            });
        context.SetOutput(new JsonObject
        {
            ["publicationId"] = publication.Id, ["version"] = draft.Number, ["signatories"] = JsonSerializer.SerializeToNode(signatories),
            ["dissociated"] = JsonSerializer.SerializeToNode(dissociated),
        });
        if (!scheduled)
        {
            context.Journal("published", new JsonObject { ["publicationId"] = publication.Id, ["version"] = draft.Number });
            return ActivityResult.Outcome(Outcomes.Done);
        }
        context.Journal("publication-scheduled", new JsonObject { ["publicationId"] = publication.Id, ["version"] = draft.Number, ["releaseAt"] = publication.ReleaseAt });
        return ActivityResult.Suspend(context.CreateBookmark(Type, publication.Id, publication.ReleaseAt));
    }

    protected override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Settings settings, ResumeSignal signal, CancellationToken ct)
    {
        var publication = await publications.GetAsync(signal.Bookmark.Key!, ct)
            ?? throw new InvalidOperationException($"Publication {signal.Bookmark.Key} is missing.");
        if (signal.ByTimer)
        {
            publication.Status = PublicationStatus.Released;
            publication.ReleasedAt = context.Now;
            context.Update(publication);
            context.Journal("published", new JsonObject { ["publicationId"] = publication.Id, ["version"] = publication.DraftNumber });
            return ActivityResult.Outcome(Outcomes.Done);
        }
        if (signal.Action != TranslateAction)
            throw WorkflowProblem.Invalid("Unknown action", new Dictionary<string, string[]> { ["action"] = [$"A publication step accepts '{TranslateAction}'."] });
        await ProvideTranslationAsync(context, publication, signal, (await publications.TranslationsAsync(publication.Id, ct)).ToList(), ct);
        return ActivityResult.StaySuspended();
    }

    private async Task ProvideTranslationAsync(ActivityContext context, Publication publication, ResumeSignal signal, List<Translation> translations, CancellationToken ct)
    {
        var author = signal.OnBehalfOf ?? signal.Actor;
        var person = author is null ? null : await directory.FindPersonAsync(author, ct);
        if (person is null || !(person.HasRole(Roles.Secretariat) || PenHolders.Includes(await PenHolders.ResolveAsync(directory, context.TaskForceId, ct), author)))
            throw WorkflowProblem.Forbidden("Only the pen-holders and the secretariat provide translations.");
        var language = signal.Payload?["language"]?.GetValue<string>();
        var translation = translations.FirstOrDefault(t => string.Equals(t.Language, language, StringComparison.OrdinalIgnoreCase))
            ?? throw WorkflowProblem.NotFound("Translation", $"{publication.Id}/{language}");
        var markdown = signal.Payload?["markdown"]?.GetValue<string>();
        var source = signal.Payload?["sourceVersion"]?.GetValue<int>() ?? publication.DraftNumber;
        var errors = DraftRules.Problems(markdown);
        if (source < 1 || source > publication.DraftNumber) errors["sourceVersion"] = [$"must be a draft version from 1 to {publication.DraftNumber}."];
        if (errors.Count > 0) throw WorkflowProblem.Invalid("The translation is not valid", errors);

        translation.Markdown = Paragraphs.Normalize(markdown!);
        translation.SourceVersion = source;
        translation.Status = TranslationStatus.Provided;
        translation.ProvidedBy = signal.Actor;
        translation.OnBehalfOf = signal.OnBehalfOf;
        translation.ProvidedAt = context.Now;
        context.Update(translation);
        context.Journal("translation-provided", new JsonObject { ["publicationId"] = publication.Id, ["language"] = translation.Language, ["sourceVersion"] = source });
    }

    // Order kept (sign-on lists signatories in the order they signed), duplicates and blanks dropped.
    private static List<string> Codes(IEnumerable<string> codes) =>
        [.. codes.Select(s => s.Trim().ToUpperInvariant()).Where(s => s.Length > 0).Distinct()];

    /// <summary>A translation's text is recorded with it; the journal's <c>resumed</c> line names it by its hash.</summary>
    public override JsonNode? JournaledPayload(JsonNode? payload) => TextReference.WithoutText(payload, "markdown");

    /// <summary>A list an approval-round step put in its output, e.g. <c>outputs.approve.signatories</c>.</summary>
    private static IEnumerable<string> ListOf(ActivityContext context, string? nodeId, string list)
    {
        if (string.IsNullOrWhiteSpace(nodeId)) return [];
        var script = $"((outputs[{JsonSerializer.Serialize(nodeId)}] || {{}}).{list} || [])";
        return context.Evaluate(SettingValue.JavaScript(script)) is JsonArray codes
            ? codes.Select(c => c is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>()
            : [];
    }
}
