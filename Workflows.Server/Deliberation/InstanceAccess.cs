using FocWorkflows.Server.Deliberation.Approvals;
using FocWorkflows.Server.Deliberation.Consultations;
using FocWorkflows.Server.Deliberation.Directory;
using FocWorkflows.Server.Deliberation.Publications;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Persistence;
using FocWorkflows.Server.Persistence.Deliberation;

namespace FocWorkflows.Server.Deliberation;

/// <summary>
/// Who may see what of a workflow instance: the one place these rules live, asked alike by the API's
/// endpoints and the Designer's pages.
/// <list type="bullet">
/// <item>An instance's internals (input, variables, outputs, journal, tasks, draft versions, dispositions) are for
/// its task force (diplomats of its member governments, and its pen-holders), chairs, co-chairs and the secretariat.</item>
/// <item>A consultation is also for its audience; who sees only it (an advisor) sees only their own comments and the
/// answers to them, in every format (some advisors are at risk if named to others).</item>
/// <item>A draft version under consultation is also for that consultation's audience; one under approval, for the
/// diplomats of the governments asked.</item>
/// <item>An approval round is also for the diplomats of the governments it asks.</item>
/// <item>A task is also for its assignees.</item>
/// <item>A publication is for everyone once released; before, for those who see the internals.</item>
/// </list>
/// Without a task force an instance's internals are for chairs, co-chairs and the secretariat only.
/// </summary>
public sealed class InstanceAccess(IDirectory directory, InstanceQueries instances, ConsultationStore consultations, ApprovalStore approvals,
    DraftStore drafts)
{
    public const string InternalsRefused = "Only the instance's task force, chairs and the secretariat may see this.";

    public async Task<Person?> ViewerAsync(string? email, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(email) ? null : await directory.FindPersonAsync(email, ct);

    public async Task<string?> TaskForceOfAsync(string instanceId, CancellationToken ct) => (await instances.TaskForceOfAsync(instanceId, ct)).TaskForceId;

    /// <summary>404 when there is no such instance, 403 when its internals are not the viewer's to see.</summary>
    public async Task RequireInternalsAsync(Person? viewer, string instanceId, CancellationToken ct)
    {
        var (exists, taskForceId) = await instances.TaskForceOfAsync(instanceId, ct);
        if (!exists) throw WorkflowProblem.NotFound("Instance", instanceId);
        if (!await SeesInternalsAsync(viewer, taskForceId, ct)) throw WorkflowProblem.Forbidden(InternalsRefused);
    }

    public async Task<bool> SeesInternalsAsync(Person? viewer, string? taskForceId, CancellationToken ct)
    {
        if (viewer is null) return false;
        if (ConsultationAccess.IsOperator(viewer)) return true;
        return taskForceId is not null && await directory.FindTaskForceAsync(taskForceId, ct) is { } taskForce && IsOf(viewer, taskForce);
    }

    /// <summary>The task force's people: diplomats of its governments and its Advisory Network co-leads (who hold the pen).</summary>
    public static bool IsOf(Person person, TaskForce taskForce) =>
        (person.HasRole(Roles.Member) && person.Government is { } government
            && (taskForce.MemberGovernments.Contains(government) || taskForce.LeadGovernments.Contains(government)))
        || taskForce.AdvisoryCoLeads.Contains(person.Email, StringComparer.OrdinalIgnoreCase);

    /// <summary>For lists: null when the viewer sees every instance, else the task forces whose instances they see.</summary>
    public async Task<IReadOnlyCollection<string>?> VisibleTaskForcesAsync(Person? viewer, CancellationToken ct)
    {
        if (viewer is not null && ConsultationAccess.IsOperator(viewer)) return null;
        if (viewer is null) return [];
        return [.. (await directory.TaskForcesAsync(ct)).Where(t => IsOf(viewer, t)).Select(t => t.Id)];
    }

    public async Task<bool> SeesTaskAsync(Person? viewer, HumanTask task, CancellationToken ct) =>
        viewer is not null && (TaskAssignment.IsAssignee(task, viewer.Email, viewer.Roles)
            || await SeesInternalsAsync(viewer, await TaskForceOfAsync(task.InstanceId, ct), ct));

    public async Task<bool> SeesConsultationAsync(Person? viewer, Consultation consultation, CancellationToken ct) =>
        viewer is not null && (consultation.Includes(viewer.Email) || await SeesInternalsAsync(viewer, await TaskForceOfAsync(consultation.InstanceId, ct), ct));

    /// <summary>
    /// Whose comments, and the answers to them, the viewer sees: everyone's for who sees the instance's internals, their
    /// own for the rest of the consultation's audience, none for anyone else.
    /// </summary>
    public async Task<CommentsSeen> CommentsSeenAsync(Person? viewer, Consultation consultation, CancellationToken ct) =>
        await SeesAllCommentsAsync(viewer, consultation, ct) ? CommentsSeen.All
        : viewer is not null && consultation.Includes(viewer.Email) ? CommentsSeen.Own
        : CommentsSeen.None;

    /// <summary>Everyone's comments, not only the viewer's own.</summary>
    public async Task<bool> SeesAllCommentsAsync(Person? viewer, Consultation consultation, CancellationToken ct) =>
        await SeesInternalsAsync(viewer, await TaskForceOfAsync(consultation.InstanceId, ct), ct);

    public async Task<bool> SeesRoundAsync(Person? viewer, ApprovalRound round, CancellationToken ct) =>
        viewer is not null && (IsAsked(viewer, round) || await SeesInternalsAsync(viewer, await TaskForceOfAsync(round.InstanceId, ct), ct));

    private static bool IsAsked(Person viewer, ApprovalRound round) =>
        viewer.HasRole(Roles.Member) && viewer.Government is { } government && round.AudienceGovernments.Contains(government, StringComparer.OrdinalIgnoreCase);

    /// <summary>A draft version: the internals, or a consultation or approval round on that version that asks the viewer.</summary>
    public async Task<bool> SeesDraftAsync(Person? viewer, string instanceId, int number, CancellationToken ct) =>
        (await VisibleDraftsAsync(viewer, instanceId, ct)).Sees(number);

    /// <summary>Which of an instance's draft versions the viewer may read, asked once for a page that shows several.</summary>
    public async Task<DraftVisibility> VisibleDraftsAsync(Person? viewer, string instanceId, CancellationToken ct)
    {
        if (viewer is null) return DraftVisibility.None;
        if (await SeesInternalsAsync(viewer, await TaskForceOfAsync(instanceId, ct), ct)) return DraftVisibility.All;
        var asked = (await consultations.OfInstanceAsync(instanceId, ct)).Where(c => c.Includes(viewer.Email)).Select(c => c.DraftVersion)
            .Concat((await approvals.OfInstanceAsync(instanceId, ct)).Where(r => IsAsked(viewer, r)).Select(r => r.DraftVersion)).ToList();
        if (asked.Count == 0) return DraftVisibility.None;
        // A step that names no version shows its audience the latest one (as the advisor's page does).
        var latest = asked.Any(v => v is null) ? (await drafts.LatestAsync(instanceId, ct))?.Number : null;
        return new DraftVisibility(false, asked.Select(v => v ?? latest).OfType<int>().ToHashSet());
    }

    public async Task<bool> SeesPublicationAsync(Person? viewer, Publication publication, CancellationToken ct) =>
        publication.Status == PublicationStatus.Released || await SeesInternalsAsync(viewer, await TaskForceOfAsync(publication.InstanceId, ct), ct);
}

/// <summary>The draft versions of one instance a viewer may read: all of them, or those consulted on with them.</summary>
/// <summary>Whose comments a viewer sees in a consultation (<see cref="InstanceAccess.CommentsSeenAsync"/>).</summary>
public enum CommentsSeen { None, Own, All }

public sealed record DraftVisibility(bool Everything, IReadOnlySet<int> Versions)
{
    public static readonly DraftVisibility All = new(true, new HashSet<int>());
    public static readonly DraftVisibility None = new(false, new HashSet<int>());

    public bool Sees(int number) => Everything || Versions.Contains(number);
}
