using System.Text.Json.Nodes;
using FocWorkflows.Server.Deliberation;
using FocWorkflows.Server.Engine.Running;

namespace FocWorkflows.Server.UseCases;

public sealed record WithdrawFromRoundCommand(string RoundId, string? Reason);

/// <summary>The text taken back from an approval round, with a reason: the round ends Withdrawn and everyone involved is told.</summary>
public sealed class WithdrawFromRound(SteeringRights rights, WorkflowRuntime runtime)
{
    public Task RunAsync(WithdrawFromRoundCommand command, Caller caller, CancellationToken ct) =>
        UseCaseTrace.RunAsync(nameof(WithdrawFromRound), caller, command.RoundId, async () =>
        {
            var (acting, bookmark) = await rights.RequireAsync(SteeringTarget.ApprovalRound, command.RoundId, caller, null, "withdraw", ct);
            var payload = new JsonObject { ["action"] = WithdrawRequest.Action, ["reason"] = command.Reason };
            WithdrawRequest.ReadReason(payload); // 400 before touching the workflow
            await runtime.ResumeByKeyAsync(bookmark, command.RoundId, payload, acting.Actor, null, ct);
        });
}
