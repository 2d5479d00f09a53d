using System.Text.Json.Nodes;
using FocWorkflows.Server.Deliberation.Consultations;
using FocWorkflows.Server.Deliberation.Directory;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Engine.Running;

namespace FocWorkflows.Server.UseCases;

public sealed record StartInstanceCommand(string? DefinitionId, int? Version, JsonObject? Input, string? IdempotencyKey = null, string? TaskForceId = null);

/// <summary>A workflow launched by a chair, a co-chair or the secretariat; an Idempotency-Key makes a retry answer the same instance.</summary>
public sealed class StartInstance(IDirectory directory, WorkflowRuntime runtime)
{
    public Task<StartResult> RunAsync(StartInstanceCommand command, Caller caller, CancellationToken ct) =>
        UseCaseTrace.RunAsync(nameof(StartInstance), caller, command.DefinitionId, async () =>
        {
            if (string.IsNullOrWhiteSpace(command.DefinitionId))
                throw WorkflowProblem.Invalid("The request is not valid", new Dictionary<string, string[]> { ["definitionId"] = ["is required."] });
            var person = await directory.FindPersonAsync(caller.Email, ct) ?? throw WorkflowProblem.Forbidden("You are not in the directory.");
            if (!ConsultationAccess.IsOperator(person)) throw WorkflowProblem.Forbidden("Only chairs, co-chairs and the secretariat may launch workflows.");
            return await runtime.StartAsync(new StartRequest(command.DefinitionId, command.Version, command.Input, person.Email, command.IdempotencyKey,
                command.TaskForceId), ct);
        });
}
