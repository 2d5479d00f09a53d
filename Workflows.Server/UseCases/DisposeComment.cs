using System.Text.Json.Nodes;
using FocWorkflows.Server.Deliberation;
using FocWorkflows.Server.Deliberation.Consultations;
using FocWorkflows.Server.Deliberation.Directory;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Engine.Running;
using FocWorkflows.Server.Persistence.Deliberation;

namespace FocWorkflows.Server.UseCases;

public sealed record DisposeCommentCommand(string ConsultationId, string CommentId, string? Decision, string? Reason, string? OnBehalfOf);

/// <summary>A pen-holder (or the secretariat, in its own name or for one) answers a comment while the disposition step is open.</summary>
public sealed class DisposeComment(ConsultationStore consultations, ConsultationAccess access, IDirectory directory, WorkflowRuntime runtime)
{
    public Task<Acting> RunAsync(DisposeCommentCommand command, Caller caller, CancellationToken ct) =>
        UseCaseTrace.RunAsync(nameof(DisposeComment), caller, command.ConsultationId, async () =>
        {
            var consultation = await consultations.FindAsync(command.ConsultationId, ct)
                ?? throw WorkflowProblem.NotFound("Consultation", command.ConsultationId);
            var acting = await Acting.ResolveAsync(caller.Email, command.OnBehalfOf, directory, ct);
            if (!await access.MayDisposeAsync(acting.Person, await consultations.TaskForceOfAsync(consultation.InstanceId, ct), ct))
                throw WorkflowProblem.Forbidden("Only the pen-holders and the secretariat may dispose of comments.");
            _ = await consultations.FindCommentAsync(command.ConsultationId, command.CommentId, ct)
                ?? throw WorkflowProblem.NotFound("Comment", command.CommentId);
            if (Disposition.Problems(DispositionDecisions.Parse(command.Decision), command.Reason) is { Count: > 0 } errors)
                throw WorkflowProblem.Invalid("The disposition is not valid", errors);
            await runtime.ResumeByKeyAsync(ConsultationEvents.DispositionBookmark, command.ConsultationId, new JsonObject
            {
                ["action"] = "dispose", ["commentId"] = command.CommentId, ["decision"] = command.Decision, ["reason"] = command.Reason,
            }, acting.Actor, acting.OnBehalfOf, ct);
            return acting;
        });
}
