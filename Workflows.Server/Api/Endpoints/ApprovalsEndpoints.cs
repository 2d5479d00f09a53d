using System.Security.Claims;
using FocWorkflows.Server.Api.Auth;
using FocWorkflows.Server.Deliberation;
using FocWorkflows.Server.Deliberation.Approvals;
using FocWorkflows.Server.Deliberation.Directory;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Persistence.Deliberation;
using FocWorkflows.Server.UseCases;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FocWorkflows.Server.Api.Endpoints;

/// <summary>A member's response; <c>onBehalfOf</c> (an e-mail) lets the secretariat answer for a diplomat.</summary>
public sealed record ApprovalResponseRequest(string? Kind, string? Reason = null, string? ProposedText = null, string? OnBehalfOf = null);

/// <summary>Move the deadline to <c>until</c>, or later <c>by</c> an ISO 8601 duration; the reason is journaled.</summary>
public sealed record ApprovalExtensionRequest(DateTimeOffset? Until = null, string? By = null, string? Reason = null);

/// <summary>Take the text back from the round; the reason is journaled and sent to everyone involved.</summary>
public sealed record ApprovalWithdrawalRequest(string? Reason = null);

public sealed record GovernmentView(string Code, string Name);

public sealed record ApprovalResponseView(string Government, string GovernmentName, ResponseKind Kind, string? Reason, string? ProposedText,
    string By, string? OnBehalfOf, DateTimeOffset At, int Revision);

/// <summary>
/// An approval round as the API shows it. <c>deadlineLocal</c> is the deadline in the caller's time
/// zone (<c>timeZone</c>); <c>signatories</c> are the current ones while open, the final ones once closed.
/// </summary>
public sealed record ApprovalRoundView(string Id, string InstanceId, string ActivityId, string Title, ApprovalMode Mode, int? DraftVersion,
    ApprovalStatus Status, ApprovalResult? Result, ApprovalReason? Reason, DateTimeOffset OpensAt, DateTimeOffset Deadline,
    DateTimeOffset DeadlineLocal, string TimeZone, DateTimeOffset? ClosedAt, double? Quorum, double Threshold,
    IReadOnlyList<GovernmentView> Audience, ApprovalTally Tally, IReadOnlyList<string> Signatories,
    IReadOnlyList<ApprovalObjection> Objections, IReadOnlyList<ApprovalResponseView> Responses, IReadOnlyList<ApprovalDissociation> Dissociations);

public static class ApprovalsEndpoints
{
    public static void MapApprovals(this IEndpointRouteBuilder api)
    {
        // Every route looks the round up (404) and checks the caller may see it or act on it (403).
        var group = api.MapGroup("/approvals").WithTags("Approvals").ProducesProblems(403, 404);
        group.MapGet("/{id}", Get).WithSummary("An approval round: mode, deadline (also in your time zone), tally, responses, result.");
        group.MapPost("/{id}/responses", Respond).ProducesProblems(400, 409)
            .WithSummary("Respond for your government (201 the first time, 200 when you change it); 409 after the deadline, 403 outside the audience.");
        group.MapPost("/{id}/extend", Extend).RequireAuthorization(Policies.Operate).ProducesProblems(400, 409)
            .WithSummary("Extend the deadline (chairs, co-chairs, the secretariat); journaled with the reason.");
        group.MapPost("/{id}/withdraw", Withdraw).RequireAuthorization(Policies.Operate).ProducesProblems(400, 409)
            .WithSummary("Withdraw the text from the round (chairs, co-chairs, the secretariat), with a reason: the round ends Withdrawn, everyone involved is told; 409 once it closed.");
    }

    private static async Task<Ok<ApprovalRoundView>> Get(string id, ClaimsPrincipal user, InstanceAccess access, ApprovalStore store,
        IDirectory directory, CancellationToken ct)
    {
        var round = await store.FindRoundAsync(id, ct) ?? throw WorkflowProblem.NotFound("Approval round", id);
        CallerAccess.Require(await access.SeesRoundAsync(await access.CallerAsync(user, ct), round, ct),
            "Only the diplomats of the governments asked, the instance's task force, chairs and the secretariat may see this round.");
        return TypedResults.Ok(await ViewAsync(id, user, store, directory, ct));
    }

    private static async Task<Results<Created<ApprovalRoundView>, Ok<ApprovalRoundView>>> Respond(string id, ApprovalResponseRequest request,
        ClaimsPrincipal user, ApprovalStore store, IDirectory directory, RespondToRound respond, CancellationToken ct)
    {
        var acting = await respond.RunAsync(new RespondToRoundCommand(id, request.Kind, request.Reason, request.ProposedText, request.OnBehalfOf),
            user.Caller(), ct);

        var view = await ViewAsync(id, user, store, directory, ct);
        var mine = view.Responses.FirstOrDefault(r => r.Government == acting.Person.Government);
        return mine is { Revision: 0 } ? TypedResults.Created($"/api/approvals/{id}", view) : TypedResults.Ok(view);
    }

    private static async Task<Ok<ApprovalRoundView>> Extend(string id, ApprovalExtensionRequest request, ClaimsPrincipal user,
        ApprovalStore store, IDirectory directory, ExtendDeadline extend, CancellationToken ct)
    {
        await extend.RunAsync(new ExtendDeadlineCommand(SteeringTarget.ApprovalRound, id, request.Until is { } until ? ExtendDeadlineCommand.Moment(until) : null, request.By, request.Reason), user.Caller(), ct);
        return TypedResults.Ok(await ViewAsync(id, user, store, directory, ct));
    }

    private static async Task<Ok<ApprovalRoundView>> Withdraw(string id, ApprovalWithdrawalRequest request, ClaimsPrincipal user,
        ApprovalStore store, IDirectory directory, WithdrawFromRound withdraw, CancellationToken ct)
    {
        await withdraw.RunAsync(new WithdrawFromRoundCommand(id, request.Reason), user.Caller(), ct);
        return TypedResults.Ok(await ViewAsync(id, user, store, directory, ct));
    }

    private static async Task<ApprovalRoundView> ViewAsync(string id, ClaimsPrincipal user, ApprovalStore store, IDirectory directory, CancellationToken ct)
    {
        var round = await store.FindRoundAsync(id, ct) ?? throw WorkflowProblem.NotFound("Approval round", id);
        var responses = await store.ResponsesAsync(id, ct);
        var names = await store.GovernmentNamesAsync(ct);
        var caller = await directory.FindPersonAsync(user.Email(), ct);
        var zone = FindZone(caller?.TimeZone);
        var tally = ApprovalTally.Of(round, responses);
        string Name(string code) => names.GetValueOrDefault(code, code);
        return new ApprovalRoundView(round.Id, round.InstanceId, round.NodeId, round.Title, round.Mode, round.DraftVersion, round.Status,
            round.Result, round.ResultReason, round.OpensAt, round.Deadline, TimeZoneInfo.ConvertTime(round.Deadline, zone), zone.Id,
            round.ClosedAt, round.Quorum, round.Threshold,
            [.. round.AudienceGovernments.Select(g => new GovernmentView(g, Name(g)))], tally,
            round.Status == ApprovalStatus.Closed ? round.Signatories : tally.Signatories,
            ApprovalTally.ObjectionsOf(responses),
            [.. responses.Select(r => new ApprovalResponseView(r.Government, Name(r.Government), r.Kind, r.Reason, r.ProposedText, r.By,
                r.OnBehalfOf, r.At, r.Revision))],
            ApprovalTally.DissociationsOf(responses));
    }

    private static TimeZoneInfo FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return TimeZoneInfo.Utc;
        try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException) { return TimeZoneInfo.Utc; }
    }
}
