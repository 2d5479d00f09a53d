using System.Text.Json.Nodes;
using FocWorkflows.Designer.Ports;
using FocWorkflows.Server.Activities.Deliberation;
using FocWorkflows.Server.Deliberation.Approvals;
using FocWorkflows.Server.Deliberation.Directory;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Engine.Running;
using FocWorkflows.Server.Persistence.Deliberation;
using static FocWorkflows.Server.Designer.PortProblems;

namespace FocWorkflows.Server.Designer;

/// <summary>The approval page's port: the same store and the same resume as <c>/api/approvals</c>.</summary>
internal sealed class ApprovalsPort(ApprovalStore store, IDirectory directory, WorkflowRuntime runtime, TimeProvider time) : IApprovalsPort
{
    public async Task<ApprovalPageView?> GetAsync(string roundId, string viewerEmail, CancellationToken ct)
    {
        if (await store.FindRoundAsync(roundId, ct) is not { } round) return null;
        var responses = await store.ResponsesAsync(roundId, ct);
        var names = await store.GovernmentNamesAsync(ct);
        var viewer = await directory.FindPersonAsync(viewerEmail, ct);
        var open = round.AcceptsResponsesAt(time.GetUtcNow());
        var government = viewer?.Government;
        var mayRespond = open && viewer is not null && viewer.HasRole(Roles.Member) && government is not null
            && round.AudienceGovernments.Contains(government, StringComparer.OrdinalIgnoreCase);
        var t = ApprovalTally.Of(round, responses);
        return new ApprovalPageView(round.Id, round.InstanceId, round.Title, Camel(round.Mode.ToString()), round.DraftVersion, open,
            round.Result?.ToString(), round.ResultReason?.ToString(), round.Deadline, round.ClosedAt,
            new ApprovalTallyView(t.Audience, t.Responded, t.NoObjection, t.Endorse, t.Object, t.Abstain, t.SignOn, t.Withdraw),
            [.. responses.Select(r => new ApprovalResponseLine(r.Government, names.GetValueOrDefault(r.Government, r.Government),
                Camel(r.Kind.ToString()), r.Reason, r.ProposedText, r.OnBehalfOf ?? r.By, r.At))],
            mayRespond ? [.. ApprovalResponse.AllowedIn(round.Mode).Select(k => Camel(k.ToString()))] : [],
            government);
    }

    public Task<ActResult> RespondAsync(string roundId, string viewerEmail, ApprovalAnswer answer, CancellationToken ct) => Act(async () =>
    {
        _ = await store.FindRoundAsync(roundId, ct) ?? throw WorkflowProblem.NotFound("Approval round", roundId);
        var acting = await ActingAsync(directory, viewerEmail, ct);
        var payload = new JsonObject
        {
            ["action"] = RespondRequest.Action, ["kind"] = answer.Kind, ["reason"] = answer.Reason, ["proposedText"] = answer.ProposedText,
        };
        await runtime.ResumeByKeyAsync(ApprovalRoundActivity.BookmarkKind, roundId, payload, acting.Actor, acting.OnBehalfOf, ct);
    });
}
