using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Api.Auth;
using FocWorkflows.Server.Deliberation;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Persistence;
using FocWorkflows.Server.Persistence.Deliberation;
using FocWorkflows.Server.UseCases;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace FocWorkflows.Server.Api.Endpoints;

/// <summary>
/// A task. <c>doneByYou</c>: in your inbox, a task you share with others that you have done your part of (you commented
/// on the consultation); it stays open for the others, and for more comments until the window closes.
/// </summary>
public sealed record TaskResponse(string Id, string InstanceId, string ActivityId, string Title, IReadOnlyList<string> Assignees,
    IReadOnlyList<string> Actions, JsonNode? Fields, string Status, DateTimeOffset CreatedAt, DateTimeOffset? DueAt,
    DateTimeOffset? ClosedAt, string? CompletedBy, string? OnBehalfOf, string? Action, JsonNode? Data, string? ResourceHref, bool DoneByYou = false);

/// <summary>Someone completing a task: the action they chose, the form they filled in, and whom the secretariat acts for.</summary>
public sealed record TaskCompletionRequest(string? Action, JsonObject? Data, string? OnBehalfOf);

public static class TasksEndpoints
{
    public static void MapTasks(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/tasks").WithTags("Tasks");
        group.MapGet("/", Inbox).ProducesProblems(400, 403).WithSummary("The caller's inbox: open tasks across all workflows, soonest due first.");
        group.MapGet("/{id}", Get).ProducesProblems(403, 404);
        group.MapPost("/{id}/complete", Complete).ProducesProblems(400, 403, 404, 409);
    }

    private static async Task<Ok<List<TaskResponse>>> Inbox(ClaimsPrincipal user, InstanceQueries queries, ConsultationStore consultations, CancellationToken ct,
        [FromQuery] bool mine = true, [FromQuery] string status = "open")
    {
        if (!Enum.TryParse<HumanTaskStatus>(status, ignoreCase: true, out var parsed) || int.TryParse(status, out _))
            throw WorkflowProblem.Invalid("The query is not valid", new Dictionary<string, string[]> { ["status"] = ["must be open, completed or cancelled."] });
        if (!mine && !user.IsInRole(FocWorkflows.Server.Deliberation.Directory.Roles.Secretariat))
            throw WorkflowProblem.Forbidden("Only the secretariat may list everyone's tasks.");
        var roles = CallerRoles(user);
        var tasks = mine
            ? await queries.InboxAsync(user.Email(), roles, parsed, ct)
            : await queries.AllTasksAsync(parsed, ct);
        var done = mine ? await consultations.CommentedTasksAsync(user.Email(), tasks, ct) : new HashSet<string>();
        return TypedResults.Ok(tasks.Select(t => ToResponse(t) with { DoneByYou = done.Contains(t.Id) }).ToList());
    }

    private static async Task<Ok<TaskResponse>> Get(string id, ClaimsPrincipal user, InstanceAccess access, InstanceQueries queries, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await VisibleTaskAsync(id, user, access, queries, ct)));

    private static async Task<Ok<TaskResponse>> Complete(string id, TaskCompletionRequest request, ClaimsPrincipal user, CompleteTask complete,
        CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await complete.RunAsync(new CompleteTaskCommand(id, request.Action, request.Data, request.OnBehalfOf), user.Caller(), ct)));

    private static async Task<HumanTask> VisibleTaskAsync(string id, ClaimsPrincipal user, InstanceAccess access, InstanceQueries queries, CancellationToken ct)
    {
        var task = await queries.GetTaskAsync(id, ct) ?? throw WorkflowProblem.NotFound("Task", id);
        CallerAccess.Require(await access.SeesTaskAsync(await access.CallerAsync(user, ct), task, ct),
            "Only the task's assignees, the instance's task force, chairs and the secretariat may see this task.");
        return task;
    }

    private static string[] CallerRoles(ClaimsPrincipal user) => [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)];

    private static TaskResponse ToResponse(HumanTask t) => new(t.Id, t.InstanceId, t.NodeId, t.Title, TaskAssignment.Assignees(t),
        JsonSerializer.Deserialize<string[]>(t.ActionsJson) ?? [], JsonNode.Parse(t.FieldsJson),
        JsonNamingPolicy.CamelCase.ConvertName(t.Status.ToString()), t.CreatedAt, t.DueAt, t.ClosedAt, t.CompletedBy, t.OnBehalfOf,
        t.Action, t.DataJson is null ? null : JsonNode.Parse(t.DataJson), t.ResourceHref);
}
