using System.Text.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Activities.Control;
using FocWorkflows.Server.Deliberation;
using FocWorkflows.Server.Deliberation.Directory;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Engine.Running;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Persistence;

namespace FocWorkflows.Server.UseCases;

public sealed record CompleteTaskCommand(string TaskId, string? Action, JsonObject? Data, string? OnBehalfOf);

/// <summary>
/// A task completed: the person acting (the caller, or whom the secretariat acts for) is an assignee, the action is one
/// the task offers, and its form is filled in as the task's step asks (<see cref="HumanTaskForm"/>).
/// </summary>
public sealed class CompleteTask(InstanceQueries queries, InstanceAccess access, IDirectory directory, WorkflowRuntime runtime)
{
    /// <summary>Returns the task as it stands after the act.</summary>
    public Task<HumanTask> RunAsync(CompleteTaskCommand command, Caller caller, CancellationToken ct) =>
        UseCaseTrace.RunAsync(nameof(CompleteTask), caller, command.TaskId, async () =>
        {
            var task = await queries.GetTaskAsync(command.TaskId, ct) ?? throw WorkflowProblem.NotFound("Task", command.TaskId);
            if (!await access.SeesTaskAsync(await access.ViewerAsync(caller.Email, ct), task, ct))
                throw WorkflowProblem.Forbidden("Only the task's assignees, the instance's task force, chairs and the secretariat may see this task.");
            var acting = await Acting.ResolveAsync(caller.Email, command.OnBehalfOf, directory, ct);
            if (task.Status != HumanTaskStatus.Open)
                throw WorkflowProblem.Conflict("Task already closed", $"This task is {task.Status.ToString().ToLowerInvariant()}.");
            if (task.ResourceHref is { } href)
                throw WorkflowProblem.Conflict("Acted on elsewhere", $"This task closes by itself when its step does; act on it at {href}.");
            if (!TaskAssignment.IsAssignee(task, acting.Email, acting.Person.Roles))
                throw WorkflowProblem.Forbidden(acting.OnBehalfOf is null ? "You are not an assignee of this task." : $"{acting.Email} is not an assignee of this task.");

            var actions = JsonSerializer.Deserialize<string[]>(task.ActionsJson) ?? [];
            var action = string.IsNullOrWhiteSpace(command.Action) && actions.Length == 1 ? actions[0] : command.Action;
            var errors = new Dictionary<string, string[]>();
            if (action is null || !actions.Contains(action, StringComparer.Ordinal)) errors["action"] = [$"Choose one of: {string.Join(", ", actions)}."];
            foreach (var (field, problem) in HumanTaskForm.Problems(task.FieldsJson, command.Data)) errors[$"data.{field}"] = [problem];
            if (errors.Count > 0) throw WorkflowProblem.Invalid("The task cannot be completed like this", errors);

            var payload = new JsonObject { ["action"] = action, ["data"] = command.Data?.DeepClone() ?? new JsonObject() };
            await runtime.ResumeAsync(task.InstanceId, task.BookmarkId, payload, acting.Actor, acting.OnBehalfOf, ct);
            return (await queries.GetTaskAsync(command.TaskId, ct))!;
        });
}
