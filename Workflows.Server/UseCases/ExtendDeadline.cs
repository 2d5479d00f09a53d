using System.Globalization;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Deliberation.Consultations;
using FocWorkflows.Server.Engine.Running;

namespace FocWorkflows.Server.UseCases;

/// <summary>
/// Move a deadline to <see cref="Until"/> (a moment with its offset, as ISO 8601 text: the step reads it and names what is wrong),
/// or later <see cref="By"/> an ISO 8601 duration, with a reason.
/// </summary>
public sealed record ExtendDeadlineCommand(SteeringTarget Target, string Id, string? Until, string? By, string? Reason, string? OnBehalfOf = null)
{
    public static string Moment(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);
}

/// <summary>
/// A deadline moved later: a consultation's by chairs, co-chairs, pen-holders and the secretariat; an approval round's by chairs,
/// co-chairs and the secretariat. The journal names who extended (and for whom); the step checks the new deadline again.
/// </summary>
public sealed class ExtendDeadline(SteeringRights rights, WorkflowRuntime runtime)
{
    public Task RunAsync(ExtendDeadlineCommand command, Caller caller, CancellationToken ct) =>
        UseCaseTrace.RunAsync(nameof(ExtendDeadline), caller, command.Id, async () =>
        {
            var (acting, bookmark) = await rights.RequireAsync(command.Target, command.Id, caller, command.OnBehalfOf, "extend", ct);
            var payload = new JsonObject
            {
                ["action"] = Deliberation.Approvals.ExtendRequest.Action, ["until"] = command.Until, ["by"] = command.By,
                ["reason"] = command.Reason,
            };
            // A window's extension is judged here, 400 before touching the workflow; a round's step judges its own against its deadline.
            if (command.Target == SteeringTarget.Consultation) ExtendRequest.Read(payload);
            await runtime.ResumeByKeyAsync(bookmark, command.Id, payload, acting.Actor, acting.OnBehalfOf, ct);
        });
}
