using FocWorkflows.Designer.Ports;
using FocWorkflows.Server.Deliberation;
using FocWorkflows.Server.Deliberation.Approvals;
using FocWorkflows.Server.Deliberation.Directory;
using FocWorkflows.Server.Persistence.Deliberation;
using FocWorkflows.Server.UseCases;
using static FocWorkflows.Server.Designer.PortProblems;
using Operators = FocWorkflows.Server.Deliberation.Consultations.ConsultationAccess;

namespace FocWorkflows.Server.Designer;

/// <summary>The approval page's port: the same store and the same resume as <c>/api/approvals</c>.</summary>
internal sealed class ApprovalsPort(ApprovalStore store, InstanceAccess access, TimeProvider time, RespondToRound respond, ExtendDeadline extend,
    WithdrawFromRound withdraw)
    : IApprovalsPort
{
    public async Task<Seen<ApprovalPageView>> GetAsync(string roundId, string viewerEmail, CancellationToken ct)
    {
        if (await store.FindRoundAsync(roundId, ct) is not { } round) return Seen<ApprovalPageView>.NotFound;
        var viewer = await access.ViewerAsync(viewerEmail, ct);
        if (!await access.SeesRoundAsync(viewer, round, ct)) return Seen<ApprovalPageView>.NotAllowed;
        var responses = await store.ResponsesAsync(roundId, ct);
        var names = await store.GovernmentNamesAsync(ct);
        var open = round.AcceptsResponsesAt(time.GetUtcNow());
        var government = viewer?.Government;
        var mayRespond = open && viewer is not null && viewer.HasRole(Roles.Member) && government is not null
            && round.AudienceGovernments.Contains(government, StringComparer.OrdinalIgnoreCase);
        var actsForOthers = open && viewer is not null && viewer.HasRole(Roles.Secretariat) && !mayRespond;
        var t = ApprovalTally.Of(round, responses);
        var adopted = round.Result == ApprovalResult.Adopted;
        return Seen<ApprovalPageView>.Shown(new ApprovalPageView(round.Id, round.InstanceId, round.Title, Camel(round.Mode.ToString()), round.DraftVersion, open,
            round.Result?.ToString(), round.ResultReason?.ToString(), round.Deadline, round.ClosedAt,
            new ApprovalTallyView(t.Audience, t.Responded, t.NoObjection, t.Endorse, t.Object, t.Abstain, t.SignOn, t.Withdraw, t.Dissociate),
            [.. responses.Select(r => new ApprovalResponseLine(r.Government, names.GetValueOrDefault(r.Government, r.Government),
                Camel(r.Kind.ToString()), r.Reason, r.ProposedText, r.OnBehalfOf ?? r.By, r.At))],
            mayRespond || actsForOthers ? [.. ApprovalResponse.AllowedIn(round.Mode).Select(k => Camel(k.ToString()))] : [],
            government is null ? null : names.GetValueOrDefault(government, government), // by name: "Response for France", not "FR"
            ViewerMayExtend: open && viewer is not null && Operators.IsOperator(viewer),
            OnBehalfOptions: actsForOthers ? await DiplomatsAsync(round, responses, names, ct) : null,
            ViewerMayWithdraw: open && viewer is not null && Operators.IsOperator(viewer),
            WithdrawnBecause: round.Result == ApprovalResult.Withdrawn ? round.CloseReason : null,
            AdoptedBy: adopted ? [.. round.Signatories.Select(g => names.GetValueOrDefault(g, g))] : null,
            Dissociated: adopted ? [.. ApprovalTally.DissociationsOf(responses).Select(d => names.GetValueOrDefault(d.Government, d.Government))] : null));
    }

    // The audience's diplomats, those whose government has not responded first: the secretariat mostly relays those.
    private async Task<IReadOnlyList<OnBehalfOption>> DiplomatsAsync(ApprovalRound round, IReadOnlyList<ApprovalResponse> responses,
        IReadOnlyDictionary<string, string> names, CancellationToken ct)
    {
        var responded = responses.Select(r => r.Government).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var diplomats = await store.DiplomatsOfAsync(round.AudienceGovernments, ct);
        return [.. diplomats
            .Select(p => new OnBehalfOption(p.Email, $"{p.Name}, {names.GetValueOrDefault(p.Government!, p.Government!)} ({p.Email})",
                Pending: !responded.Contains(p.Government!)))
            .OrderByDescending(o => o.Pending).ThenBy(o => o.Label, StringComparer.CurrentCulture)];
    }

    public Task<ActResult> RespondAsync(string roundId, string viewerEmail, ApprovalAnswer answer, CancellationToken ct) => ActAsync(() =>
        respond.RunAsync(new RespondToRoundCommand(roundId, answer.Kind, answer.Reason, answer.ProposedText, answer.OnBehalfOf), ThroughPages(viewerEmail), ct));

    /// <summary>As <c>POST /api/approvals/{id}/withdraw</c>.</summary>
    public Task<ActResult> WithdrawAsync(string roundId, string viewerEmail, string reason, CancellationToken ct) => ActAsync(() =>
        withdraw.RunAsync(new WithdrawFromRoundCommand(roundId, reason), ThroughPages(viewerEmail), ct));

    /// <summary>As <c>POST /api/approvals/{id}/extend</c>.</summary>
    public Task<ActResult> ExtendAsync(string roundId, string viewerEmail, DeadlineExtension extension, CancellationToken ct) => ActAsync(() =>
        extend.RunAsync(new ExtendDeadlineCommand(SteeringTarget.ApprovalRound, roundId, ExtendDeadlineCommand.Moment(extension.Until), null, extension.Reason), ThroughPages(viewerEmail), ct));
}
