using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Activities.Control;
using FocWorkflows.Server.Deliberation;
using FocWorkflows.Server.Engine.Activities;
using FocWorkflows.Server.Engine.Running;
using FocWorkflows.Server.Engine.State;

namespace FocWorkflows.Server.Engine;

/// <summary>Someone completing a task: the action they chose and the form they filled in.</summary>
public sealed record TaskCompletionRequest(string? Action, JsonObject? Data, string? OnBehalfOf);

/// <summary>
/// Checks a task completion before it resumes the workflow: the person acting (the caller, or the
/// one the secretariat acts for) is an assignee, the action is one the task allows, the form is complete.
/// </summary>
public sealed class TaskCompletion(WorkflowRuntime runtime)
{
    public async Task CompleteAsync(HumanTask task, TaskCompletionRequest request, Deliberation.Acting acting, CancellationToken ct)
    {
        if (task.Status != HumanTaskStatus.Open)
            throw WorkflowProblem.Conflict("Task already closed", $"This task is {task.Status.ToString().ToLowerInvariant()}.");
        if (task.ResourceHref is { } href)
            throw WorkflowProblem.Conflict("Acted on elsewhere", $"This task closes by itself when its step does; act on it at {href}.");
        if (!TaskAssignment.IsAssignee(task, acting.Email, acting.Person.Roles))
            throw WorkflowProblem.Forbidden(acting.OnBehalfOf is null
                ? "You are not an assignee of this task."
                : $"{acting.Email} is not an assignee of this task.");

        var actions = JsonSerializer.Deserialize<string[]>(task.ActionsJson) ?? [];
        var action = string.IsNullOrWhiteSpace(request.Action) && actions.Length == 1 ? actions[0] : request.Action;
        var errors = new Dictionary<string, string[]>();
        if (action is null || !actions.Contains(action, StringComparer.Ordinal))
            errors["action"] = [$"Choose one of: {string.Join(", ", actions)}."];
        var fields = JsonSerializer.Deserialize<HumanTaskActivity.Field[]>(task.FieldsJson, SettingsJson.Options) ?? [];
        foreach (var field in fields)
        {
            var value = request.Data?[field.Name];
            if (FieldProblem(field, value) is { } problem) errors[$"data.{field.Name}"] = [problem];
        }
        if (errors.Count > 0) throw WorkflowProblem.Invalid("The task cannot be completed like this", errors);

        var payload = new JsonObject { ["action"] = action, ["data"] = request.Data?.DeepClone() ?? new JsonObject() };
        await runtime.ResumeAsync(task.InstanceId, task.BookmarkId, payload, acting.Actor, acting.OnBehalfOf, ct);
    }

    private static string? FieldProblem(HumanTaskActivity.Field field, JsonNode? value)
    {
        var label = field.Label ?? field.Name;
        if (value is null || (value.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetValue<string>())))
            return field.Required ? $"'{label}' is required." : null;
        var kind = value.GetValueKind();
        return field.Type switch
        {
            FieldType.Number when kind != JsonValueKind.Number => $"'{label}' must be a number.",
            FieldType.Boolean when kind is not (JsonValueKind.True or JsonValueKind.False) => $"'{label}' must be true or false.",
            FieldType.Date when kind != JsonValueKind.String || !DateTimeOffset.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture, out _) => $"'{label}' must be a date.",
            FieldType.Choice when kind != JsonValueKind.String || field.Options?.Contains(value.GetValue<string>()) == false => $"'{label}' must be one of: {string.Join(", ", field.Options ?? [])}.",
            FieldType.Text or FieldType.MultilineText when kind != JsonValueKind.String => $"'{label}' must be text.",
            FieldType.Text when value.GetValue<string>().Length > Limits.Line => $"'{label}' has at most {Limits.Line} characters.",
            FieldType.MultilineText when value.GetValue<string>().Length > Limits.Text => $"'{label}' has at most {Limits.Text} characters.",
            _ => null,
        };
    }
}
