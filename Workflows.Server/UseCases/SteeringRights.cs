using FocWorkflows.Server.Activities.Deliberation;
using FocWorkflows.Server.Deliberation;
using FocWorkflows.Server.Deliberation.Consultations;
using FocWorkflows.Server.Deliberation.Directory;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Persistence.Deliberation;

namespace FocWorkflows.Server.UseCases;

/// <summary>
/// Who may steer a deadline, asked once for every door: a consultation's window by its chairs, co-chairs, pen-holders and the
/// secretariat (the secretariat also for one of them); an approval round by chairs, co-chairs and the secretariat.
/// </summary>
public sealed class SteeringRights(ConsultationStore consultations, ApprovalStore rounds, ConsultationAccess access, IDirectory directory)
{
    /// <summary>The acting person and the bookmark kind that steers the target; 404 for a target that does not exist, 403 for whoever may not.</summary>
    public async Task<(Acting Acting, string Bookmark)> RequireAsync(SteeringTarget target, string id, Caller caller, string? onBehalfOf, string verb,
        CancellationToken ct)
    {
        if (target == SteeringTarget.Consultation)
        {
            var consultation = await consultations.FindAsync(id, ct) ?? throw WorkflowProblem.NotFound("Consultation", id);
            var acting = await Acting.ResolveAsync(caller.Email, onBehalfOf, directory, ct);
            if (!await access.MaySteerAsync(acting.Person, await consultations.TaskForceOfAsync(consultation.InstanceId, ct), ct))
                throw WorkflowProblem.Forbidden($"Only chairs, co-chairs, pen-holders and the secretariat may {verb} a consultation.");
            return (acting, ConsultationEvents.DeadlineBookmark);
        }
        _ = await rounds.FindRoundAsync(id, ct) ?? throw WorkflowProblem.NotFound("Approval round", id);
        var actor = await Acting.ResolveAsync(caller.Email, onBehalfOf, directory, ct);
        if (!ConsultationAccess.IsOperator(actor.Person))
            throw WorkflowProblem.Forbidden($"Only chairs, co-chairs and the secretariat may {verb} an approval round.");
        return (actor, ApprovalRoundActivity.BookmarkKind);
    }
}
