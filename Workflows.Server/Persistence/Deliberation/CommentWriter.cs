using System.Text.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Activities.Deliberation;
using FocWorkflows.Server.Deliberation;
using FocWorkflows.Server.Deliberation.Consultations;
using FocWorkflows.Server.Deliberation.Drafts;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Engine.Running;
using FocWorkflows.Server.Engine.State;
using Microsoft.EntityFrameworkCore;

namespace FocWorkflows.Server.Persistence.Deliberation;

/// <summary>A comment as asked for: who sends it, for whom, and what it says (not yet checked: see <see cref="CommentRules"/>).</summary>
public sealed record NewComment(string ConsultationId, string Author, string? OnBehalfOf, int? Paragraph, string? Quote, string? Text, int? DraftVersion)
{
    public string Commenter => OnBehalfOf ?? Author;
}

/// <summary>
/// Records comments, each with its line in the instance's journal, and applies <see cref="CommentRules"/>
/// against the consulted draft version for every caller (the API and the advisor's page alike).
/// </summary>
/// <remarks>
/// A comment changes no flow, so it never waits for a step to run: what can be checked without the instance
/// (the audience, the paragraph, the quote, against immutable draft versions) is checked first, in parallel with
/// anything else. Then a burst of its own, which runs no activity, commits the comment and its journal line
/// together under the instance's lock and stamp (<see cref="WorkflowRuntime.RecordAsync"/>): the hash chain is
/// one sequence per instance, so appending to it is the one step comments take in turn, and it takes
/// milliseconds. Taking the lock there rather than a transaction of our own keeps one way of writing an
/// instance's record, and it keeps a comment and a close in order: closing the window is a burst of the same
/// instance, so a comment is either committed before the close or finds the window closed and is refused.
/// </remarks>
public sealed class CommentWriter(IDbContextFactory<WorkflowDbContext> contexts, WorkflowRuntime runtime, IdGenerator ids)
{
    /// <returns>The comment, and whether it was an earlier one returned for a repeated idempotency key.</returns>
    public async Task<(Comment Comment, bool Replayed)> AddAsync(NewComment request, string? idempotencyKey, CancellationToken ct)
    {
        request = request with { Quote = CommentRules.NormalizeQuote(request.Quote) };
        var scope = $"comment:{request.ConsultationId}:{request.Author}";
        var hash = Hash(request);
        if (await ReplayAsync(scope, idempotencyKey, hash, ct) is { } earlier) return (earlier, true);

        var (consultation, draftVersion) = await CheckAsync(request, ct);
        Comment? added = null;
        Comment? replayed = null;
        await runtime.RecordAsync(consultation.InstanceId, request.Author, request.OnBehalfOf, async burst =>
        {
            added = replayed = null; // a retry after a concurrent commit decides afresh
            // Under the lock: a concurrent request with the same key may have committed meanwhile.
            if ((replayed = await ReplayAsync(scope, idempotencyKey, hash, ct)) is not null) return;
            if (burst.Instance.Status is InstanceStatus.Finished or InstanceStatus.Cancelled)
                throw WorkflowProblem.Conflict("Consultation closed", $"The workflow is {burst.Instance.Status.ToString().ToLowerInvariant()}.");
            await using var db = await contexts.CreateDbContextAsync(ct);
            var current = await db.Set<Consultation>().AsNoTracking().FirstAsync(c => c.Id == consultation.Id, ct);
            if (!current.AcceptsCommentsAt(burst.Now))
                throw WorkflowProblem.Conflict("Consultation closed", $"The consultation closed at {(current.ClosedAt ?? current.ClosesAt):O}.");

            added = new Comment
            {
                Id = ids.NewId(), ConsultationId = current.Id, InstanceId = current.InstanceId, Author = request.Author,
                OnBehalfOf = request.OnBehalfOf, DraftVersion = draftVersion, Paragraph = request.Paragraph!.Value, Quote = request.Quote,
                Text = request.Text!, CreatedAt = burst.Now,
            };
            burst.Records.Add(added);
            if (idempotencyKey is not null)
                burst.Records.Add(new IdempotencyRecord { Scope = scope, Key = idempotencyKey, RequestHash = hash, ResourceId = added.Id, CreatedAt = burst.Now });
            // The text by reference (its id) and by its hash: the record stays small and still proves what was said.
            JournalWriter.Append(burst, ConsultationEvents.Commented, current.NodeId, ConsultationActivity.Type, details: new JsonObject
            {
                ["consultationId"] = current.Id, ["commentId"] = added.Id, ["draftVersion"] = added.DraftVersion, ["paragraph"] = added.Paragraph,
                ["quoted"] = added.Quote is not null, ["textSha256"] = TextReference.Sha256(added.Text),
            });
        }, ct);
        return replayed is not null ? (replayed, true)
            : added is not null ? (added, false)
            : throw new InvalidOperationException("The comment was neither recorded nor replayed.");
    }

    /// <summary>Everything that does not depend on the moment: the consultation exists, the commenter is asked, the anchor is right.</summary>
    private async Task<(Consultation Consultation, int? DraftVersion)> CheckAsync(NewComment request, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var consultation = await db.Set<Consultation>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.ConsultationId, ct)
            ?? throw WorkflowProblem.NotFound("Consultation", request.ConsultationId);
        if (!consultation.Includes(request.Commenter))
            throw WorkflowProblem.Forbidden("Only the consultation's audience may comment.");
        // Draft versions never change, so checking against the one read here holds when the comment commits.
        var draft = await ConsultedDraftAsync(db, consultation, request.DraftVersion, ct);
        if (request.DraftVersion is { } asked && draft is null
            && await db.Set<DraftVersion>().Where(d => d.InstanceId == consultation.InstanceId).MaxAsync(d => (int?)d.Number, ct) is { } latest)
        {
            // A comment must point at a text that exists: a version number from the future would make it unverifiable.
            throw WorkflowProblem.Invalid("The comment is not valid", new Dictionary<string, string[]>
            {
                ["draftVersion"] = [$"There is no draft version {asked}: the versions go from 1 to {latest}."],
            });
        }
        var errors = CommentRules.Problems(request.Paragraph, request.Quote, request.Text, draft);
        if (errors.Count > 0) throw WorkflowProblem.Invalid("The comment is not valid", errors);
        return (consultation, draft?.Number ?? request.DraftVersion ?? consultation.DraftVersion);
    }

    /// <summary>The comment an earlier request with this key recorded; 422 when that request said something else.</summary>
    private async Task<Comment?> ReplayAsync(string scope, string? idempotencyKey, string hash, CancellationToken ct)
    {
        if (idempotencyKey is null) return null;
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.IdempotencyKeys.AsNoTracking().FirstOrDefaultAsync(r => r.Scope == scope && r.Key == idempotencyKey, ct) is not { } earlier)
            return null;
        if (earlier.RequestHash != hash)
            throw new WorkflowProblem(ProblemKind.Unprocessable, "Idempotency key reused", "This Idempotency-Key was already used with a different comment.");
        return await db.Set<Comment>().AsNoTracking().FirstAsync(c => c.Id == earlier.ResourceId, ct);
    }

    /// <summary>The version asked for, else the one the window opened on, else the latest: the one the commenter reads.</summary>
    private static Task<DraftVersion?> ConsultedDraftAsync(WorkflowDbContext db, Consultation consultation, int? asked, CancellationToken ct)
    {
        var drafts = db.Set<DraftVersion>().AsNoTracking().Where(d => d.InstanceId == consultation.InstanceId);
        return (asked ?? consultation.DraftVersion) is { } number
            ? drafts.FirstOrDefaultAsync(d => d.Number == number, ct)
            : drafts.OrderByDescending(d => d.Number).FirstOrDefaultAsync(ct);
    }

    private static string Hash(NewComment request) => TextReference.Sha256(JsonSerializer.Serialize(request));
}
