using System.Text.Json.Nodes;
using FocWorkflows.Designer.Ports;
using FocWorkflows.Server.Deliberation.Consultations;
using FocWorkflows.Server.Deliberation.Directory;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Engine.Running;
using FocWorkflows.Server.Persistence.Deliberation;
using static FocWorkflows.Server.Designer.PortProblems;

namespace FocWorkflows.Server.Designer;

/// <summary>The disposition page's port: the same matrix, checks and resume as <c>/api/consultations/{id}/dispositions</c>.</summary>
internal sealed class DispositionsPort(ConsultationStore store, ConsultationAccess access, IDirectory directory, WorkflowRuntime runtime)
    : IDispositionsPort
{
    public async Task<DispositionsView?> GetAsync(string consultationId, string viewerEmail, CancellationToken ct)
    {
        if (await store.FindAsync(consultationId, ct) is not { } consultation) return null;
        var comments = await store.CommentsAsync(consultationId, ct);
        var people = new Dictionary<string, Person>(StringComparer.OrdinalIgnoreCase);
        foreach (var email in comments.Select(c => c.Commenter).Distinct(StringComparer.OrdinalIgnoreCase))
            if (await directory.FindPersonAsync(email, ct) is { } person) people[email] = person;
        var rows = ResolutionMatrix.Build(comments, await store.DispositionsAsync(consultationId, ct), people);
        var viewer = await directory.FindPersonAsync(viewerEmail, ct);
        var mayDispose = viewer is not null && await access.IsPenHolderAsync(viewer, await store.TaskForceOfAsync(consultation.InstanceId, ct), ct);
        return new DispositionsView(consultation.Id, consultation.Title, mayDispose, [.. rows.Select(r => new DispositionRow(r.Number, r.CommentId,
            r.Author, r.Organisation, r.DraftVersion, r.Paragraph, r.Quote, r.Comment, r.Decision is { } d ? Camel(d.ToString()) : null,
            r.Reason, r.DisposedBy))]);
    }

    public Task<ActResult> DisposeAsync(string consultationId, string commentId, string viewerEmail, DispositionChoice choice, CancellationToken ct) =>
        Act(async () =>
        {
            var consultation = await store.FindAsync(consultationId, ct) ?? throw WorkflowProblem.NotFound("Consultation", consultationId);
            var acting = await ActingAsync(directory, viewerEmail, ct);
            if (!await access.IsPenHolderAsync(acting.Person, await store.TaskForceOfAsync(consultation.InstanceId, ct), ct))
                throw WorkflowProblem.Forbidden("Only the pen-holders may dispose of comments.");
            _ = await store.FindCommentAsync(consultationId, commentId, ct) ?? throw WorkflowProblem.NotFound("Comment", commentId);
            if (Disposition.Problems(DispositionDecisions.Parse(choice.Decision), choice.Reason) is { Count: > 0 } errors)
                throw WorkflowProblem.Invalid("The disposition is not valid", errors);
            await runtime.ResumeByKeyAsync(ConsultationEvents.DispositionBookmark, consultationId, new JsonObject
            {
                ["action"] = "dispose", ["commentId"] = commentId, ["decision"] = choice.Decision, ["reason"] = choice.Reason,
            }, acting.Actor, acting.OnBehalfOf, ct);
        });
}
