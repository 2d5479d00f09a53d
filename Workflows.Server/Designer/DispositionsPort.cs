using FocWorkflows.Designer.Ports;
using FocWorkflows.Server.Deliberation;
using FocWorkflows.Server.Deliberation.Consultations;
using FocWorkflows.Server.Deliberation.Directory;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Persistence.Deliberation;
using FocWorkflows.Server.UseCases;
using static FocWorkflows.Server.Designer.PortProblems;

namespace FocWorkflows.Server.Designer;

/// <summary>
/// The disposition page's port: the same matrix, checks and resume as <c>/api/consultations/{id}/dispositions</c>,
/// and the window's extension and early close as <c>/api/consultations/{id}/extend</c> and <c>/close</c>.
/// </summary>
internal sealed class DispositionsPort(ConsultationStore store, ConsultationAccess access, InstanceAccess visibility, IDirectory directory,
    IWorkflowStore workflows, AdvisorLinkStore links, AdvisorLinkRevoking revoking, TimeProvider time, DisposeComment dispose, ExtendDeadline extend,
    CloseEarly close) : IDispositionsPort
{
    public async Task<Seen<DispositionsView>> GetAsync(string consultationId, string viewerEmail, CancellationToken ct)
    {
        if (await store.FindAsync(consultationId, ct) is not { } consultation) return Seen<DispositionsView>.NotFound;
        var viewer = await visibility.ViewerAsync(viewerEmail, ct);
        var seen = await visibility.CommentsSeenAsync(viewer, consultation, ct);
        if (seen == CommentsSeen.None) return Seen<DispositionsView>.NotAllowed;
        var comments = await store.CommentsAsync(consultationId, ct);
        // An advisor of the consultation: the answers to their own comments, nobody else's name.
        if (seen == CommentsSeen.Own) comments = [.. comments.Where(c => string.Equals(c.Commenter, viewer!.Email, StringComparison.OrdinalIgnoreCase))];
        var people = new Dictionary<string, Person>(StringComparer.OrdinalIgnoreCase);
        foreach (var email in comments.Select(c => c.Commenter).Distinct(StringComparer.OrdinalIgnoreCase))
            if (await directory.FindPersonAsync(email, ct) is { } person) people[email] = person;
        var rows = ResolutionMatrix.Build(comments, await store.DispositionsAsync(consultationId, ct), people);
        var taskForceId = await store.TaskForceOfAsync(consultation.InstanceId, ct);
        var isPenHolder = viewer is not null && await access.IsPenHolderAsync(viewer, taskForceId, ct);
        var forPenHolders = viewer is not null && !isPenHolder && viewer.HasRole(Roles.Secretariat);
        // Decisions are taken while the workflow's disposition step waits for them, not before it starts or after it ends.
        var stepOpen = (await workflows.FindBookmarksAsync(ConsultationEvents.DispositionBookmark, consultationId, ct)).Count > 0;
        var window = new ConsultationWindowView(consultation.ClosesAt, consultation.AcceptsCommentsAt(time.GetUtcNow()), consultation.ClosedAt,
            consultation.CloseReason, viewer is not null && await access.MaySteerAsync(viewer, taskForceId, ct));
        return Seen<DispositionsView>.Shown(new DispositionsView(consultation.Id, consultation.Title, stepOpen && (isPenHolder || forPenHolders), [.. rows.Select(r => new DispositionRow(r.Number, r.CommentId,
            r.Author, r.Organisation, r.DraftVersion, r.Paragraph, r.Quote, r.Comment, r.Decision is { } d ? Camel(d.ToString()) : null,
            r.Reason, r.DisposedBy))], window, forPenHolders ? await PenHoldersAsync(taskForceId, ct) : null, stepOpen,
            viewer is not null && viewer.HasRole(Roles.Secretariat) ? await LinksAsync(consultation, ct) : null));
    }

    /// <summary>The most uses the page lists; the API lists more.</summary>
    private const int UsesShown = 50;

    private async Task<AdvisorLinksView> LinksAsync(Consultation consultation, CancellationToken ct)
    {
        var revocations = await links.RevocationsAsync(consultation.Id, ct);
        var audience = await directory.ResolveAsync(AudienceKind.List, null, consultation.Audience, ct);
        return new AdvisorLinksView(
            [.. audience.Select(p => new AdvisorLinkLine(p.Email, p.Name, revocations.FirstOrDefault(r => r.Covers(p.Email))?.RevokedAt))],
            revocations.FirstOrDefault(r => r.Email is null)?.RevokedAt,
            [.. (await links.UsesAsync(consultation.Id, UsesShown, ct)).Select(u => new LinkUseLine(u.Email, u.At, u.Address, u.Via, Camel(u.Outcome.ToString())))]);
    }

    /// <summary>As <c>POST /api/consultations/{id}/links/revoke</c>: the secretariat, asked of the directory at the moment of the act.</summary>
    public Task<ActResult> RevokeLinksAsync(string consultationId, string viewerEmail, string? advisor, string? reason, CancellationToken ct) => ActAsync(async () =>
    {
        var acting = await ActingAsync(directory, viewerEmail, ct);
        if (!acting.Person.HasRole(Roles.Secretariat)) throw WorkflowProblem.Forbidden("Only the secretariat may withdraw advisors' links.");
        await revoking.RevokeAsync(consultationId, advisor, reason, acting, ct);
    });

    private async Task<IReadOnlyList<OnBehalfOption>> PenHoldersAsync(string? taskForceId, CancellationToken ct) =>
        [.. (await access.PenHoldersAsync(taskForceId, ct)).Select(p => new OnBehalfOption(p.Email, $"{p.Name} ({p.Email})", Pending: true))];

    public Task<ActResult> DisposeAsync(string consultationId, string commentId, string viewerEmail, DispositionChoice choice, CancellationToken ct) =>
        ActAsync(() => dispose.RunAsync(new DisposeCommentCommand(consultationId, commentId, choice.Decision, choice.Reason, choice.OnBehalfOf),
            ThroughPages(viewerEmail), ct));

    /// <summary>As <c>POST /api/consultations/{id}/extend</c>; the consultation's step checks the new deadline again.</summary>
    public Task<ActResult> ExtendAsync(string consultationId, string viewerEmail, DeadlineExtension extension, CancellationToken ct) =>
        ActAsync(() => extend.RunAsync(new ExtendDeadlineCommand(SteeringTarget.Consultation, consultationId, ExtendDeadlineCommand.Moment(extension.Until), null, extension.Reason),
            ThroughPages(viewerEmail), ct));

    /// <summary>As <c>POST /api/consultations/{id}/close</c>.</summary>
    public Task<ActResult> CloseAsync(string consultationId, string viewerEmail, string reason, CancellationToken ct) =>
        ActAsync(() => close.RunAsync(new CloseEarlyCommand(consultationId, reason), ThroughPages(viewerEmail), ct));
}
