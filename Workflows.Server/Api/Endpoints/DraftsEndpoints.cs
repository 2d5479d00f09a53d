using FocWorkflows.Server.Persistence.Deliberation;
using System.Security.Claims;
using FocWorkflows.Server.Api.Auth;
using FocWorkflows.Server.Api.Guards;
using FocWorkflows.Server.Deliberation;
using FocWorkflows.Server.Deliberation.Drafts;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.UseCases;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FocWorkflows.Server.Api.Endpoints;

public sealed record SubmitDraftRequest(string? Markdown, string? Title, string? Note, string? OnBehalfOf);
public sealed record DraftSummary(int Number, string Title, string? Note, string SubmittedBy, string? OnBehalfOf, DateTimeOffset SubmittedAt);
public sealed record ParagraphResponse(int Number, string Kind, string Markdown, string Html);
public sealed record DraftResponse(int Number, string Title, string? Note, string SubmittedBy, string? OnBehalfOf, DateTimeOffset SubmittedAt,
    string Markdown, IReadOnlyList<ParagraphResponse> Paragraphs, string Html);
public sealed record RedlineSummary(int Unchanged, int Changed, int Added, int Removed);
public sealed record RedlineResponse(int From, int To, string Html, RedlineSummary Summary, IReadOnlyList<ParagraphChange> Changes);

public static class DraftsEndpoints
{
    public static void MapDrafts(this IEndpointRouteBuilder api)
    {
        // Every route looks the instance up (404) and checks the caller may read or write its drafts (403).
        var group = api.MapGroup("/instances/{id}/drafts").WithTags("Drafts").ProducesProblems(403, 404);
        group.MapPost("/", Submit).ProducesProblems(400, 409, 422)
            .WithSummary("A pen-holder submits the next draft version to the open draft step; 409 when none is open. Accepts Idempotency-Key.");
        group.MapGet("/", List).WithSummary("The instance's draft versions, oldest first, without their text.");
        group.MapGet("/{number:int}", Get).WithSummary("One version: its Markdown, numbered paragraphs and sanitized HTML.");
        group.MapGet("/{from:int}/diff/{to:int}", Diff).WithSummary("The redline between two versions, as HTML and as paragraph changes.");
    }

    private static Task<Created<DraftResponse>> Submit(string id, SubmitDraftRequest request, HttpContext http, SubmitDraft submit, CancellationToken ct) =>
        SubmitAsync(id, request, http, submit, ct);

    /// <summary>The JSON submit and the .docx upload alike: one use case, its replay answered as such.</summary>
    internal static async Task<Created<DraftResponse>> SubmitAsync(string id, SubmitDraftRequest request, HttpContext http, SubmitDraft submit,
        CancellationToken ct)
    {
        var submitted = await submit.RunAsync(new SubmitDraftCommand(id, request.Markdown, request.Title, request.Note, request.OnBehalfOf,
            Identifiers.IdempotencyKey(http.Request)), http.User.Caller(), ct);
        if (submitted.Replayed) http.Response.Headers["Idempotent-Replayed"] = "true";
        return Created(id, submitted.Version);
    }

    private static async Task<Ok<List<DraftSummary>>> List(string id, ClaimsPrincipal user, InstanceAccess access, DraftStore drafts, CancellationToken ct)
    {
        await access.RequireInternalsAsync(await access.CallerAsync(user, ct), id, ct);
        var versions = await drafts.ListAsync(id, ct);
        return TypedResults.Ok(versions.Select(v => new DraftSummary(v.Number, v.Title, v.Note, v.SubmittedBy, v.OnBehalfOf, v.SubmittedAt)).ToList());
    }

    private static async Task<Ok<DraftResponse>> Get(string id, int number, ClaimsPrincipal user, InstanceAccess access, DraftStore drafts, CancellationToken ct)
    {
        var version = await FindAsync(drafts, id, number, ct);
        RequireVisible(await access.VisibleDraftsAsync(await access.CallerAsync(user, ct), id, ct), number);
        return TypedResults.Ok(ToResponse(version));
    }

    private static async Task<Ok<RedlineResponse>> Diff(string id, int from, int to, ClaimsPrincipal user, InstanceAccess access, DraftStore drafts,
        CancellationToken ct)
    {
        var a = await FindAsync(drafts, id, from, ct);
        var b = await FindAsync(drafts, id, to, ct);
        var visible = await access.VisibleDraftsAsync(await access.CallerAsync(user, ct), id, ct);
        RequireVisible(visible, from);
        RequireVisible(visible, to);
        var redline = Redline.Between(Paragraphs.Of(a.Markdown), Paragraphs.Of(b.Markdown));
        var summary = new RedlineSummary(Count(ParagraphChangeKind.Unchanged), Count(ParagraphChangeKind.Changed),
            Count(ParagraphChangeKind.Added), Count(ParagraphChangeKind.Removed));
        return TypedResults.Ok(new RedlineResponse(from, to, redline.Html, summary, redline.Changes));

        int Count(ParagraphChangeKind kind) => redline.Changes.Count(c => c.Kind == kind);
    }

    internal static void RequireVisible(DraftVisibility visible, int number) => CallerAccess.Require(visible.Sees(number),
        $"Version {number} is for the instance's task force, chairs, the secretariat and the audience of a consultation on it.");

    internal static async Task<DraftVersion> FindAsync(DraftStore drafts, string id, int number, CancellationToken ct)
    {
        if (!await drafts.InstanceExistsAsync(id, ct)) throw WorkflowProblem.NotFound("Instance", id);
        return await drafts.GetAsync(id, number, ct) ?? throw WorkflowProblem.NotFound("Draft version", $"{id} v{number}");
    }

    private static Created<DraftResponse> Created(string id, DraftVersion version) =>
        TypedResults.Created($"/api/instances/{id}/drafts/{version.Number}", ToResponse(version));

    public static DraftResponse ToResponse(DraftVersion v)
    {
        var paragraphs = Paragraphs.Of(v.Markdown);
        return new DraftResponse(v.Number, v.Title, v.Note, v.SubmittedBy, v.OnBehalfOf, v.SubmittedAt, v.Markdown,
            [.. paragraphs.Select(p => new ParagraphResponse(p.Number, p.Kind, p.Markdown, DraftHtml.Render(p.Markdown)))],
            DraftHtml.RenderNumbered(paragraphs));
    }
}
