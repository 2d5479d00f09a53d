using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
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
/// Appends comments outside the workflow's bursts, so comments never wait for one another or for
/// the instance. The window check and the insert share one write transaction, and closing the window
/// is a write too, so a comment is either committed before the close or refused. It is also where
/// <see cref="CommentRules"/> are applied, against the consulted draft version, for every caller.
/// </summary>
public sealed class CommentWriter(IDbContextFactory<WorkflowDbContext> contexts, TimeProvider time, IdGenerator ids)
{
    /// <returns>The comment, and whether it was an earlier one returned for a repeated idempotency key.</returns>
    public async Task<(Comment Comment, bool Replayed)> AddAsync(NewComment request, string? idempotencyKey, CancellationToken ct)
    {
        try
        {
            return await TryAddAsync(request, idempotencyKey, ct);
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            // On PostgreSQL two requests with one key can both find it unused; the key's primary key lets
            // one win. The loser answers with the winner's comment (or 422 if its body differed).
            return await TryAddAsync(request, idempotencyKey, ct);
        }
    }

    private async Task<(Comment Comment, bool Replayed)> TryAddAsync(NewComment request, string? idempotencyKey, CancellationToken ct)
    {
        request = request with { Quote = CommentRules.NormalizeQuote(request.Quote) };
        await using var db = await contexts.CreateDbContextAsync(ct);
        // SQLite's default transaction is BEGIN IMMEDIATE: it takes the write lock now, so what is read below is current.
        // On PostgreSQL the consultation row is share-locked instead: a close (an update of that row) waits for this
        // comment to commit, and a comment waits for a close in progress.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.IsPostgres)
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"Consultations\" WHERE \"Id\" = {request.ConsultationId} FOR SHARE", ct);
        var scope = $"comment:{request.ConsultationId}:{request.Author}";
        var hash = Hash(request);
        if (idempotencyKey is not null
            && await db.IdempotencyKeys.AsNoTracking().FirstOrDefaultAsync(r => r.Scope == scope && r.Key == idempotencyKey, ct) is { } earlier)
        {
            if (earlier.RequestHash != hash)
                throw new WorkflowProblem(ProblemKind.Unprocessable, "Idempotency key reused",
                    "This Idempotency-Key was already used with a different comment.");
            return (await db.Set<Comment>().AsNoTracking().FirstAsync(c => c.Id == earlier.ResourceId, ct), true);
        }

        var consultation = await db.Set<Consultation>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.ConsultationId, ct)
            ?? throw WorkflowProblem.NotFound("Consultation", request.ConsultationId);
        if (!consultation.Includes(request.Commenter))
            throw WorkflowProblem.Forbidden("Only the consultation's audience may comment.");
        var now = time.GetUtcNow();
        if (!consultation.AcceptsCommentsAt(now))
            throw WorkflowProblem.Conflict("Consultation closed", $"The consultation closed at {(consultation.ClosedAt ?? consultation.ClosesAt):O}.");
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

        var comment = new Comment
        {
            Id = ids.NewId(), ConsultationId = consultation.Id, InstanceId = consultation.InstanceId, Author = request.Author,
            OnBehalfOf = request.OnBehalfOf, DraftVersion = draft?.Number ?? request.DraftVersion ?? consultation.DraftVersion,
            Paragraph = request.Paragraph!.Value, Quote = request.Quote, Text = request.Text!, CreatedAt = now,
        };
        db.Add(comment);
        if (idempotencyKey is not null)
            db.IdempotencyKeys.Add(new IdempotencyRecord { Scope = scope, Key = idempotencyKey, RequestHash = hash, ResourceId = comment.Id, CreatedAt = now });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (comment, false);
    }

    /// <summary>The version asked for, else the one the window opened on, else the latest: the one the commenter reads.</summary>
    private static Task<DraftVersion?> ConsultedDraftAsync(WorkflowDbContext db, Consultation consultation, int? asked, CancellationToken ct)
    {
        var drafts = db.Set<DraftVersion>().AsNoTracking().Where(d => d.InstanceId == consultation.InstanceId);
        return (asked ?? consultation.DraftVersion) is { } number
            ? drafts.FirstOrDefaultAsync(d => d.Number == number, ct)
            : drafts.OrderByDescending(d => d.Number).FirstOrDefaultAsync(ct);
    }

    private static string Hash(NewComment request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request))));
}
