using System.Security.Claims;
using System.Text;
using FocWorkflows.Server.Api.Auth;
using FocWorkflows.Server.Deliberation;
using FocWorkflows.Server.Deliberation.Consultations;
using FocWorkflows.Server.Deliberation.Directory;
using FocWorkflows.Server.Persistence.Deliberation;
using FocWorkflows.Server.UseCases;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FocWorkflows.Server.Api.Endpoints;

public sealed record DispositionRequest(string? Decision, string? Reason, string? OnBehalfOf);

public sealed record DispositionResponse(string CommentId, string ConsultationId, DispositionDecision Decision, string? Reason,
    string By, string? OnBehalfOf, DateTimeOffset At);

/// <summary>The pen-holders' answers to a consultation's comments, and the comment-resolution matrix.</summary>
public static class DispositionsEndpoints
{
    public static void MapDispositions(this IEndpointRouteBuilder api)
    {
        // Every route looks the consultation up (404) and checks whose comments the caller sees or answers (403).
        var group = api.MapGroup("/consultations/{id}").WithTags("Dispositions").ProducesProblems(403, 404);
        group.MapGet("/dispositions", Matrix).WithSummary("The comment-resolution matrix: each comment with its author, anchor, decision and reason.");
        group.MapGet("/dispositions.csv", Csv).ProducesFile("text/csv").WithSummary("The comment-resolution matrix as CSV (RFC 4180).");
        group.MapGet("/dispositions.md", Markdown).ProducesFile("text/markdown").WithSummary("The comment-resolution matrix as a Markdown table.");
        group.MapPut("/dispositions/{commentId}", Dispose).ProducesProblems(400, 409).WithSummary("A pen-holder, or the secretariat in its own name or for one (onBehalfOf), answers a comment (accepted, partiallyAccepted, notAccepted, noted) with a reason; changeable while the workflow's disposition step for this consultation is open, 409 otherwise.");
    }

    private static async Task<Ok<IReadOnlyList<MatrixRow>>> Matrix(string id, ClaimsPrincipal user, InstanceAccess access, ConsultationStore store,
        IDirectory directory, CancellationToken ct) =>
        TypedResults.Ok((await BuildAsync(id, user, access, store, directory, ct)).Rows);

    private static async Task<FileContentHttpResult> Csv(string id, ClaimsPrincipal user, InstanceAccess access, ConsultationStore store,
        IDirectory directory, CancellationToken ct)
    {
        var (_, rows) = await BuildAsync(id, user, access, store, directory, ct);
        return TypedResults.File(ResolutionMatrix.ToCsv(rows), "text/csv; charset=utf-8", $"dispositions-{id}.csv");
    }

    private static async Task<FileContentHttpResult> Markdown(string id, ClaimsPrincipal user, InstanceAccess access, ConsultationStore store,
        IDirectory directory, CancellationToken ct)
    {
        var (consultation, rows) = await BuildAsync(id, user, access, store, directory, ct);
        return TypedResults.File(Encoding.UTF8.GetBytes(ResolutionMatrix.ToMarkdown(consultation.Title, rows)), "text/markdown; charset=utf-8", $"dispositions-{id}.md");
    }

    private static async Task<Ok<DispositionResponse>> Dispose(string id, string commentId, DispositionRequest request, ClaimsPrincipal user,
        ConsultationStore store, DisposeComment dispose, CancellationToken ct)
    {
        await dispose.RunAsync(new DisposeCommentCommand(id, commentId, request.Decision, request.Reason, request.OnBehalfOf), user.Caller(), ct);
        var d = (await store.FindDispositionAsync(commentId, ct))!;
        return TypedResults.Ok(new DispositionResponse(d.CommentId, d.ConsultationId, d.Decision, d.Reason, d.By, d.OnBehalfOf, d.At));
    }

    /// <summary>
    /// The matrix names commenters and decisions: whole for who sees the instance's internals; an advisor of the
    /// consultation gets the rows of their own comments only.
    /// </summary>
    internal static async Task<(Consultation Consultation, IReadOnlyList<MatrixRow> Rows)> BuildAsync(string id, ClaimsPrincipal user,
        InstanceAccess access, ConsultationStore store, IDirectory directory, CancellationToken ct)
    {
        var consultation = await ConsultationsEndpoints.FindAsync(store, id, ct);
        var viewer = await access.CallerAsync(user, ct);
        var seen = await access.CommentsSeenAsync(viewer, consultation, ct);
        CallerAccess.Require(seen != CommentsSeen.None, InstanceAccess.InternalsRefused);
        var comments = await store.CommentsAsync(id, ct);
        if (seen == CommentsSeen.Own) comments = [.. comments.Where(c => string.Equals(c.Commenter, viewer!.Email, StringComparison.OrdinalIgnoreCase))];
        var people = new Dictionary<string, Person>(StringComparer.OrdinalIgnoreCase);
        foreach (var email in comments.Select(c => c.Commenter).Distinct(StringComparer.OrdinalIgnoreCase))
            if (await directory.FindPersonAsync(email, ct) is { } person) people[email] = person;
        return (consultation, ResolutionMatrix.Build(comments, await store.DispositionsAsync(id, ct), people));
    }
}
