using FocWorkflows.Server.Persistence.Deliberation;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Activities.Deliberation;
using FocWorkflows.Server.Api.Auth;
using FocWorkflows.Server.Api.Guards;
using FocWorkflows.Server.Deliberation;
using FocWorkflows.Server.Deliberation.Directory;
using FocWorkflows.Server.Deliberation.Drafts;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Engine.Running;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

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

    internal static async Task<Created<DraftResponse>> Submit(string id, SubmitDraftRequest request, HttpContext http, IDirectory directory,
        WorkflowRuntime runtime, DraftStore drafts, IDbContextFactory<WorkflowDbContext> contexts, TimeProvider time, CancellationToken ct)
    {
        if (!await drafts.InstanceExistsAsync(id, ct)) throw WorkflowProblem.NotFound("Instance", id);
        var key = Identifiers.IdempotencyKey(http.Request) ?? "";
        // Too large to read, number or diff: refused before the instance is locked or anything replayed.
        if (DraftRules.Problems(request.Markdown, request.Title, request.Note) is { Count: > 0 } errors)
            throw WorkflowProblem.Invalid("The draft is not valid", errors);
        var scope = $"submit-draft:{id}:{http.User.Email()}";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request))));
        if (key.Length > 0 && await ReplayAsync(contexts, scope, key, hash, id, drafts, ct) is { } replayed)
        {
            http.Response.Headers["Idempotent-Replayed"] = "true";
            return Created(id, replayed);
        }
        var acting = await Acting.ResolveAsync(http.User, request.OnBehalfOf, directory, ct);

        var versionId = Guid.NewGuid().ToString("N");
        var payload = new JsonObject
        {
            ["action"] = DraftActivity.SubmitAction, ["versionId"] = versionId, ["markdown"] = request.Markdown,
            ["title"] = request.Title, ["note"] = request.Note,
        };
        await runtime.ResumeByKeyAsync(DraftActivity.Type, id, payload, acting.Actor, acting.OnBehalfOf, ct);
        var version = await drafts.FindAsync(versionId, ct)
            ?? throw WorkflowProblem.Conflict("Step closed", "The draft step closed before this version was recorded.");
        if (key.Length > 0) await RememberAsync(contexts, scope, key, hash, version.Number, time.GetUtcNow(), ct);
        return Created(id, version);
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

    private static async Task<DraftVersion?> ReplayAsync(IDbContextFactory<WorkflowDbContext> contexts, string scope, string key, string hash,
        string id, DraftStore drafts, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var record = await db.Set<IdempotencyRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Scope == scope && r.Key == key, ct);
        if (record is null) return null;
        if (record.RequestHash != hash)
            throw new WorkflowProblem(ProblemKind.Unprocessable, "Idempotency key reused", "This Idempotency-Key was already used with a different request body.");
        return await drafts.GetAsync(id, int.Parse(record.ResourceId), ct);
    }

    private static async Task RememberAsync(IDbContextFactory<WorkflowDbContext> contexts, string scope, string key, string hash, int number, DateTimeOffset now, CancellationToken ct)
    {
        // Written after the version's own burst: a crash in between makes a retry answer 409, never a second version.
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.Set<IdempotencyRecord>().Add(new IdempotencyRecord
        {
            Scope = scope, Key = key, RequestHash = hash, ResourceId = number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            CreatedAt = now,
        });
        await db.SaveChangesAsync(ct);
    }
}
