using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Deliberation.Consultations;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Engine.Activities;

namespace FocWorkflows.Server.Activities.Deliberation;

/// <param name="consultations">Finds the consultation whose comments are answered.</param>
/// <param name="dispositions">Its comments and the answers given so far: the step is done when every comment has one.</param>
/// <param name="access">Tells who holds the pen: the task goes to them.</param>
[Activity("deliberation.comment-disposition", "Deliberation", "Comment disposition",
    Description = "The pen-holders (or the secretariat) answer every comment of a consultation (accepted, partially accepted, not accepted, noted, with a reason); done when all are answered.",
    Blocking = true, Outcomes = [Outcomes.Done])]
public sealed class CommentDispositionActivity(IConsultationReads consultations, IDispositionReads dispositions, ConsultationAccess access)
    : Activity<CommentDispositionActivity.Settings>
{
    public sealed record Settings(
        [property: Setting(Help = "What the pen-holders must do, e.g. 'Dispose of the Advisory Network's comments'.")] string Title,
        [property: Setting(Help = "The consultation: its id (e.g. outputs.consult.consultationId) or the consultation step's node id.")] string Consultation,
        [property: Setting(Help = "The pen-holders' task is due after this long (ISO 8601, e.g. P7D).")] TimeSpan? DueIn = null);

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Settings settings, CancellationToken ct)
    {
        var consultation = await consultations.FindAsync(settings.Consultation, ct)
            ?? await consultations.FindLatestAsync(context.InstanceId, settings.Consultation, ct);
        if (consultation is null) return ActivityResult.Fault($"No consultation '{settings.Consultation}' (by id or by step) in this instance.");

        var comments = await dispositions.CommentsAsync(consultation.Id, ct);
        var answered = (await dispositions.DispositionsAsync(consultation.Id, ct)).Select(d => d.CommentId).ToHashSet();
        if (comments.All(c => answered.Contains(c.Id))) return Done(context, consultation.Id, comments.Count);

        var bookmark = context.CreateBookmark(ConsultationEvents.DispositionBookmark, consultation.Id);
        var penHolders = await access.PenHolderAssigneesAsync(context.TaskForceId, ct);
        var due = settings.DueIn is { } dueIn ? context.Now + dueIn : (DateTimeOffset?)null;
        context.CreateInboxTask($"Dispose of comments: {settings.Title}", penHolders, due, bookmark, $"/api/consultations/{consultation.Id}/dispositions");
        return ActivityResult.Suspend(bookmark);
    }

    protected override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Settings settings, ResumeSignal signal, CancellationToken ct)
    {
        if (signal.Action != "dispose")
            throw WorkflowProblem.Invalid("Unknown action", new Dictionary<string, string[]> { ["action"] = ["Use dispose."] });
        var consultationId = signal.Bookmark.Key!;
        var commentId = Text(signal.Payload, "commentId") ?? "";
        _ = await dispositions.FindCommentAsync(consultationId, commentId, ct) ?? throw WorkflowProblem.NotFound("Comment", commentId);
        var decision = DispositionDecisions.Parse(Text(signal.Payload, "decision"));
        var reason = Text(signal.Payload, "reason");
        if (Disposition.Problems(decision, reason) is { Count: > 0 } errors) throw WorkflowProblem.Invalid("The disposition is not valid", errors);

        var existing = await dispositions.FindDispositionAsync(commentId, ct);
        var disposition = existing ?? new Disposition { CommentId = commentId, ConsultationId = consultationId, By = context.Actor! };
        var previous = existing is null ? null : new JsonObject { ["decision"] = existing.Decision.ToString(), ["reason"] = existing.Reason };
        disposition.Decision = decision!.Value;
        disposition.Reason = reason;
        disposition.By = context.Actor!;
        disposition.OnBehalfOf = context.OnBehalfOf;
        disposition.At = context.Now;
        if (existing is null) context.Record(disposition);
        else context.Update(disposition);
        context.Journal(ConsultationEvents.CommentDisposed, new JsonObject
        {
            ["commentId"] = commentId, ["decision"] = disposition.Decision.ToString(), ["reason"] = reason, ["previous"] = previous,
        });

        var comments = await dispositions.CommentsAsync(consultationId, ct);
        var answered = (await dispositions.DispositionsAsync(consultationId, ct)).Select(x => x.CommentId).Append(commentId).ToHashSet();
        return comments.All(c => answered.Contains(c.Id)) ? Done(context, consultationId, comments.Count) : ActivityResult.StaySuspended();
    }

    private static ActivityResult Done(ActivityContext context, string consultationId, int disposed)
    {
        context.SetOutput(new JsonObject { ["consultationId"] = consultationId, ["disposed"] = disposed });
        return ActivityResult.Outcome(Outcomes.Done);
    }

    private static string? Text(JsonNode? payload, string name) =>
        payload?[name] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;
}
