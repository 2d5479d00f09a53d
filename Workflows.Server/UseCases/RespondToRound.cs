using System.Text.Json.Nodes;
using FocWorkflows.Server.Activities.Deliberation;
using FocWorkflows.Server.Deliberation;
using FocWorkflows.Server.Deliberation.Approvals;
using FocWorkflows.Server.Deliberation.Directory;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Engine.Running;
using FocWorkflows.Server.Persistence.Deliberation;

namespace FocWorkflows.Server.UseCases;

public sealed record RespondToRoundCommand(string RoundId, string? Kind, string? Reason, string? ProposedText, string? OnBehalfOf);

/// <summary>A government's response in an approval round, by its diplomat or by the secretariat for one; the round's step judges it.</summary>
public sealed class RespondToRound(ApprovalStore rounds, IDirectory directory, WorkflowRuntime runtime)
{
    /// <summary>Returns the acting person: whose government responded.</summary>
    public Task<Acting> RunAsync(RespondToRoundCommand command, Caller caller, CancellationToken ct) =>
        UseCaseTrace.RunAsync(nameof(RespondToRound), caller, command.RoundId, async () =>
        {
            _ = await rounds.FindRoundAsync(command.RoundId, ct) ?? throw WorkflowProblem.NotFound("Approval round", command.RoundId);
            var acting = await Acting.ResolveAsync(caller.Email, command.OnBehalfOf, directory, ct);
            var payload = new JsonObject
            {
                ["action"] = RespondRequest.Action, ["kind"] = command.Kind, ["reason"] = command.Reason, ["proposedText"] = command.ProposedText,
            };
            await runtime.ResumeByKeyAsync(ApprovalRoundActivity.BookmarkKind, command.RoundId, payload, acting.Actor, acting.OnBehalfOf, ct);
            return acting;
        });
}
