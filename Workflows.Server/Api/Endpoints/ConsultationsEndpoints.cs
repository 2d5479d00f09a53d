using System.Security.Claims;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Api.Auth;
using FocWorkflows.Server.Api.Guards;
using FocWorkflows.Server.Deliberation;
using FocWorkflows.Server.Deliberation.Consultations;
using FocWorkflows.Server.Deliberation.Directory;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Engine.Running;
using FocWorkflows.Server.Integrations.Graph;
using FocWorkflows.Server.Persistence.Deliberation;
using FocWorkflows.Server.UseCases;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace FocWorkflows.Server.Api.Endpoints;

public sealed record ConsultationResponse(string Id, string InstanceId, string ActivityId, string Title, int? DraftVersion,
    AudienceKind AudienceKind, int AudienceCount, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, ConsultationStatus Status,
    bool AcceptingComments, DateTimeOffset? ClosedAt, string? ClosedBy, string? CloseReason, int CommentCount,
    IReadOnlyList<string>? NotYetCommented);

public sealed record CommentRequest(int? Paragraph, string? Quote, string? Text, int? DraftVersion, string? OnBehalfOf);

public sealed record CommentResponse(string Id, string ConsultationId, string Commenter, string Author, string? OnBehalfOf,
    int? DraftVersion, int Paragraph, string? Quote, string Text, DateTimeOffset CreatedAt);

public sealed record CloseConsultationRequest(string? Reason, string? OnBehalfOf);

public sealed record ExtendConsultationRequest(string? Until, string? By, string? Reason, string? OnBehalfOf);

public sealed record WithdrawConsultationRequest(string? Reason);

public static class ConsultationsEndpoints
{
    public static void MapConsultations(this IEndpointRouteBuilder api)
    {
        // Every route looks the consultation up (404) and checks the caller may see or steer it (403).
        var group = api.MapGroup("/consultations").WithTags("Consultations").ProducesProblems(403, 404);
        // These three also answer an advisor's link (?token= or X-Advisor-Token), for its one consultation only.
        group.MapGet("/{id}", Get).RequireAuthorization(Policies.AdvisorLinkOrAccount)
            .WithSummary("A consultation window: audience size, deadline, status, comment count (and who has not commented, for chairs and the secretariat).");
        group.MapGet("/{id}/comments", Comments).RequireAuthorization(Policies.AdvisorLinkOrAccount)
            .WithSummary("The comments, in the order they arrived (an advisor sees their own only).");
        group.MapPost("/{id}/comments", AddComment).RequireAuthorization(Policies.AdvisorLinkOrAccount).ProducesProblems(400, 409, 422)
            .WithSummary("Comments on a paragraph (optionally a passage quoted from it, checked against the consulted draft); 400 with errors by field, 403 outside the audience, 409 once closed. Accepts Idempotency-Key.");
        group.MapPost("/{id}/close", Close).ProducesProblems(400, 409).WithSummary("Closes the window early, with a reason (chairs, co-chairs, pen-holders, secretariat).");
        group.MapPost("/{id}/extend", Extend).ProducesProblems(400, 409).WithSummary("Moves the deadline later ({until} or {by}), with a reason (chairs, co-chairs, pen-holders, secretariat).");
        group.MapPost("/{id}/withdraw", Withdraw).RequireAuthorization(Policies.Operate).ProducesProblems(400, 409)
            .WithSummary("Withdraws the text from the consultation (chairs, co-chairs, secretariat), with a reason: the step ends Withdrawn, everyone involved is told; 409 once closed.");
    }

    private static async Task<Ok<ConsultationResponse>> Get(string id, ClaimsPrincipal user, InstanceAccess access, ConsultationStore store,
        TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok(await DescribeAsync(await VisibleAsync(id, user, access, store, ct), user, store, time, ct));

    private static async Task<Ok<List<CommentResponse>>> Comments(string id, ClaimsPrincipal user, InstanceAccess access, ConsultationStore store,
        CancellationToken ct)
    {
        var consultation = await VisibleAsync(id, user, access, store, ct);
        var comments = await store.CommentsAsync(id, ct);
        if (!await SeesAllCommentsAsync(user, access, consultation, ct))
        {
            var email = user.Email();
            comments = [.. comments.Where(c => string.Equals(c.Commenter, email, StringComparison.OrdinalIgnoreCase))];
        }
        return TypedResults.Ok(comments.Select(ToResponse).ToList());
    }

    /// <summary>
    /// Those who see only the consultation (an advisor, a diplomat outside the task force) see their own comments,
    /// as on the advisor's page: who else was consulted and what they said is for the task force, and some advisors
    /// would be at risk if their names travelled. A link, which opens one consultation only, never shows more.
    /// </summary>
    private static async Task<bool> SeesAllCommentsAsync(ClaimsPrincipal user, InstanceAccess access, Consultation consultation, CancellationToken ct) =>
        user.Identity?.AuthenticationType != AdvisorLinkAuthenticationHandler.SchemeName
        && await access.SeesAllCommentsAsync(await access.CallerAsync(user, ct), consultation, ct);

    /// <summary>The consultation, when the caller may see it: its audience (a link only for its own), the task force, chairs, the secretariat.</summary>
    internal static async Task<Consultation> VisibleAsync(string id, ClaimsPrincipal user, InstanceAccess access, ConsultationStore store, CancellationToken ct)
    {
        RequireLinkFor(user, id);
        var consultation = await FindAsync(store, id, ct);
        CallerAccess.Require(await access.SeesConsultationAsync(await access.CallerAsync(user, ct), consultation, ct),
            "Only the consultation's audience, the instance's task force, chairs and the secretariat may see it.");
        return consultation;
    }

    private static async Task<Created<CommentResponse>> AddComment(string id, CommentRequest request, ClaimsPrincipal user, IDirectory directory,
        CommentWriter writer, CancellationToken ct, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey = null)
    {
        RequireLinkFor(user, id);
        if (request.DraftVersion is < 1)
            throw WorkflowProblem.Invalid("The comment is not valid", new Dictionary<string, string[]> { ["draftVersion"] = ["Draft versions start at 1."] });

        // Paragraph, quote and text are checked by the writer (CommentRules), against the consulted draft, as for the advisor's page.
        var acting = await Acting.ResolveAsync(user, request.OnBehalfOf, directory, ct);
        var (comment, _) = await writer.AddAsync(new NewComment(id, acting.Actor, acting.OnBehalfOf, request.Paragraph, request.Quote,
            request.Text, request.DraftVersion), Identifiers.IdempotencyKey(idempotencyKey), ct);
        return TypedResults.Created($"/api/consultations/{id}/comments/{comment.Id}", ToResponse(comment));
    }

    private static async Task<Ok<ConsultationResponse>> Close(string id, CloseConsultationRequest request, ClaimsPrincipal user,
        ConsultationStore store, CloseEarly close, TimeProvider time, CancellationToken ct)
    {
        await close.RunAsync(new CloseEarlyCommand(id, request.Reason, request.OnBehalfOf), user.Caller(), ct);
        return TypedResults.Ok(await DescribeAsync(await FindAsync(store, id, ct), user, store, time, ct));
    }

    private static async Task<Ok<ConsultationResponse>> Extend(string id, ExtendConsultationRequest request, ClaimsPrincipal user,
        ConsultationStore store, ExtendDeadline extend, TimeProvider time, CancellationToken ct)
    {
        await extend.RunAsync(new ExtendDeadlineCommand(SteeringTarget.Consultation, id, request.Until, request.By, request.Reason,
            request.OnBehalfOf), user.Caller(), ct);
        return TypedResults.Ok(await DescribeAsync(await FindAsync(store, id, ct), user, store, time, ct));
    }

    private static async Task<Ok<ConsultationResponse>> Withdraw(string id, WithdrawConsultationRequest request, ClaimsPrincipal user,
        ConsultationStore store, WorkflowRuntime runtime, TimeProvider time, CancellationToken ct)
    {
        _ = await FindAsync(store, id, ct);
        var payload = new JsonObject { ["action"] = WithdrawRequest.Action, ["reason"] = request.Reason };
        WithdrawRequest.ReadReason(payload); // 400 before touching the workflow
        await runtime.ResumeByKeyAsync(ConsultationEvents.DeadlineBookmark, id, payload, user.Email(), null, ct);
        return TypedResults.Ok(await DescribeAsync(await FindAsync(store, id, ct), user, store, time, ct));
    }

    /// <summary>A link opens its own consultation only; checked before looking the id up, so it reveals nothing else.</summary>
    private static void RequireLinkFor(ClaimsPrincipal user, string id)
    {
        if (!user.MayUseConsultation(id))
            throw WorkflowProblem.Forbidden("This link opens another consultation.");
    }

    internal static async Task<Consultation> FindAsync(ConsultationStore store, string id, CancellationToken ct) =>
        await store.FindAsync(id, ct) ?? throw WorkflowProblem.NotFound("Consultation", id);

    private static async Task<ConsultationResponse> DescribeAsync(Consultation c, ClaimsPrincipal user, ConsultationStore store, TimeProvider time, CancellationToken ct)
    {
        var commenters = await store.CommentersAsync(c.Id, ct);
        var seesWhoIsMissing = user.IsInRole(Roles.Chair) || user.IsInRole(Roles.CoChair) || user.IsInRole(Roles.Secretariat);
        return new ConsultationResponse(c.Id, c.InstanceId, c.NodeId, c.Title, c.DraftVersion, c.AudienceKind, c.Audience.Count, c.OpensAt,
            c.ClosesAt, c.Status, c.AcceptsCommentsAt(time.GetUtcNow()), c.ClosedAt, c.ClosedBy, c.CloseReason,
            await store.CommentCountAsync(c.Id, ct), seesWhoIsMissing ? [.. c.Audience.Where(e => !commenters.Contains(e))] : null);
    }

    private static CommentResponse ToResponse(Comment c) => new(c.Id, c.ConsultationId, c.Commenter, c.Author, c.OnBehalfOf,
        c.DraftVersion, c.Paragraph, c.Quote, c.Text, c.CreatedAt);
}
