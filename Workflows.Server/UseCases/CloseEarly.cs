using System.Text.Json.Nodes;
using FocWorkflows.Server.Deliberation.Consultations;
using FocWorkflows.Server.Engine.Running;

namespace FocWorkflows.Server.UseCases;

public sealed record CloseEarlyCommand(string ConsultationId, string? Reason, string? OnBehalfOf = null);

/// <summary>A consultation's comment window closed before its deadline, with a reason, by those who steer it.</summary>
public sealed class CloseEarly(SteeringRights rights, WorkflowRuntime runtime)
{
    public Task RunAsync(CloseEarlyCommand command, Caller caller, CancellationToken ct) =>
        UseCaseTrace.RunAsync(nameof(CloseEarly), caller, command.ConsultationId, async () =>
        {
            var (acting, bookmark) = await rights.RequireAsync(SteeringTarget.Consultation, command.ConsultationId, caller, command.OnBehalfOf, "close", ct);
            var payload = new JsonObject { ["action"] = "close", ["reason"] = command.Reason };
            CloseRequest.ReadReason(payload); // 400 before touching the workflow
            await runtime.ResumeByKeyAsync(bookmark, command.ConsultationId, payload, acting.Actor, acting.OnBehalfOf, ct);
        });
}
