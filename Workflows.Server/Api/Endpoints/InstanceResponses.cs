using System.Text.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Model;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Engine.Running;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Persistence;

namespace FocWorkflows.Server.Api.Endpoints;

public sealed record InstanceSummary(string Id, string DefinitionId, int Version, string Status, string? TaskForceId,
    string? StartedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? EndedAt);

public sealed record TaskLink(string Id, string Title, IReadOnlyList<string> Assignees, DateTimeOffset? DueAt, string Href);

/// <summary>One open step: what it is, since when, until when, and where to act on it.</summary>
public sealed record WaitingOn(string ActivityId, string Type, string Name, string Kind, DateTimeOffset Since,
    DateTimeOffset? DueAt, string? EventKey, IReadOnlyList<TaskLink> Tasks);

public sealed record IncidentResponse(string ActivityId, string Message, DateTimeOffset At);

public sealed record InstanceResponse(string Id, string DefinitionId, int Version, string Status, string? TaskForceId,
    string? StartedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? EndedAt,
    JsonObject Input, JsonObject Variables, JsonObject Outputs, IReadOnlyList<WaitingOn> WaitingOn, IncidentResponse? Incident);

public sealed record JournalEntryResponse(long Sequence, DateTimeOffset At, string Event, string? ActivityId, string? ActivityType,
    string? Actor, string? OnBehalfOf, string? Outcome, JsonNode? Details);

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

internal static class InstanceResponses
{
    public static string StatusName(InstanceStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    public static InstanceSummary Summary(WorkflowInstance i) =>
        new(i.Id, i.DefinitionId, i.DefinitionVersion, StatusName(i.Status), i.TaskForceId, i.StartedBy, i.CreatedAt, i.UpdatedAt, i.EndedAt);

    public static InstanceResponse Detail(InstanceDetail detail, WorkflowDefinition definition)
    {
        var i = detail.Instance;
        var state = JsonSerializer.Deserialize<InstanceState>(i.StateJson, StateJson.Options) ?? new InstanceState();
        var waiting = detail.Bookmarks.GroupBy(b => b.NodeId).Select(g =>
        {
            var node = definition.FindNode(g.Key);
            var tasks = detail.OpenTasks.Where(t => t.NodeId == g.Key)
                .Select(t => new TaskLink(t.Id, t.Title, TaskAssignment.Assignees(t), t.DueAt, $"/api/tasks/{t.Id}")).ToList();
            var first = g.OrderBy(b => b.CreatedAt).First();
            // When the step is due: its tasks' due time, else its last timer. A step's earlier timers are reminders before
            // its deadline (a consultation reminds two days before it closes), not the deadline itself.
            return new WaitingOn(g.Key, node?.Type ?? "?", node?.DisplayName ?? g.Key, first.Kind, first.CreatedAt,
                tasks.Min(t => t.DueAt) ?? g.Max(b => b.DueAt), g.FirstOrDefault(b => b.Kind == BookmarkKinds.Event)?.Key, tasks);
        }).ToList();
        var incident = state.Incident is { } inc ? new IncidentResponse(inc.NodeId, inc.Message, inc.At) : null;
        return new InstanceResponse(i.Id, i.DefinitionId, i.DefinitionVersion, StatusName(i.Status), i.TaskForceId, i.StartedBy,
            i.CreatedAt, i.UpdatedAt, i.EndedAt, JsonNode.Parse(i.InputJson) as JsonObject ?? [], state.Variables, state.Outputs, waiting, incident);
    }

    public static JournalEntryResponse Journal(JournalEntry e) => new(e.Sequence, e.At, e.Event, e.NodeId, e.ActivityType,
        e.Actor, e.OnBehalfOf, e.Outcome, e.DetailsJson is null ? null : JsonNode.Parse(e.DetailsJson));
}
