using System.Text.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Model;
using FocWorkflows.Server.Engine.Activities;
using FocWorkflows.Server.Engine.State;

namespace FocWorkflows.Server.Engine.Running;

/// <summary>
/// Everything one start or resume changes, gathered in memory and committed in one transaction:
/// the instance and its state, new and removed bookmarks, tasks, journal lines, outbox messages and
/// domain records. If the commit fails, none of it happened.
/// </summary>
public sealed class Burst
{
    private readonly List<Bookmark> _openBookmarks;

    private readonly IdGenerator _ids;

    public Burst(WorkflowInstance instance, WorkflowDefinition definition, IEnumerable<Bookmark> openBookmarks,
        IEnumerable<HumanTask> openTasks, DateTimeOffset now, string? actor, string? onBehalfOf, IdGenerator ids)
    {
        _ids = ids;
        Instance = instance;
        Definition = definition;
        State = JsonSerializer.Deserialize<InstanceState>(instance.StateJson, StateJson.Options) ?? new InstanceState();
        Input = JsonNode.Parse(instance.InputJson) as JsonObject ?? [];
        _openBookmarks = [.. openBookmarks];
        OpenTasks = [.. openTasks];
        Now = now;
        Actor = actor;
        OnBehalfOf = onBehalfOf;
    }

    public WorkflowInstance Instance { get; }
    public WorkflowDefinition Definition { get; }
    public InstanceState State { get; }
    public JsonObject Input { get; }
    public DateTimeOffset Now { get; }

    /// <summary>The instance's task force as JSON (id, name, mandate, governments...), or null.</summary>
    public JsonNode? TaskForce { get; init; }

    /// <summary>Who caused this burst (a person's e-mail, or null for the system: timers, events).</summary>
    public string? Actor { get; }
    public string? OnBehalfOf { get; }

    public IReadOnlyList<Bookmark> OpenBookmarks => _openBookmarks;
    public List<HumanTask> OpenTasks { get; }

    public List<Bookmark> AddedBookmarks { get; } = [];
    public List<Bookmark> RemovedBookmarks { get; } = [];
    public List<HumanTask> AddedTasks { get; } = [];
    public List<HumanTask> ClosedTasks { get; } = [];
    public List<JournalEntry> Journal { get; } = [];
    public List<OutboxMessage> Outbox { get; } = [];

    /// <summary>Domain records (drafts, comments, responses...) activities created; persisted with the burst.</summary>
    public List<object> Records { get; } = [];

    /// <summary>Existing domain records an activity changed; saved as updates with the burst.</summary>
    public List<object> UpdatedRecords { get; } = [];

    /// <summary>Open bookmarks whose due time moved (a deadline extended).</summary>
    public List<Bookmark> RescheduledBookmarks { get; } = [];

    /// <summary>Open tasks already stored whose due time moved with their step's deadline.</summary>
    public List<HumanTask> RescheduledTasks { get; } = [];

    /// <summary>Set when the burst was a start, or an event's resume of this instance, with an <c>Idempotency-Key</c>.</summary>
    public IdempotencyRecord? Idempotency { get; set; }

    public int ActivitiesRun { get; set; }

    /// <summary>Queues a side effect for delivery after commit; ids increase, so delivery keeps this order.</summary>
    public void Enqueue(string kind, JsonObject payload, string? nodeId) => Outbox.Add(new OutboxMessage
    {
        Id = _ids.NewId(), InstanceId = Instance.Id, NodeId = nodeId, Kind = kind,
        EventKey = kind == CalendarEntry.Kind ? payload["eventKey"]?.GetValue<string>() : null,
        PayloadJson = payload.ToJsonString(), CreatedAt = Now, Status = OutboxStatus.Pending, NextAttemptAt = Now,
    });

    public void AddBookmark(Bookmark bookmark)
    {
        _openBookmarks.Add(bookmark);
        AddedBookmarks.Add(bookmark);
    }

    public void RemoveBookmark(Bookmark bookmark)
    {
        if (!_openBookmarks.Remove(bookmark)) return;
        RescheduledBookmarks.Remove(bookmark);
        if (!AddedBookmarks.Remove(bookmark)) RemovedBookmarks.Add(bookmark);
    }

    public void Reschedule(Bookmark bookmark, DateTimeOffset? dueAt)
    {
        bookmark.DueAt = dueAt;
        if (!AddedBookmarks.Contains(bookmark) && !RescheduledBookmarks.Contains(bookmark)) RescheduledBookmarks.Add(bookmark);
    }

    /// <summary>Moves the due time of the open tasks that close with <paramref name="bookmark"/>.</summary>
    public void RescheduleTasksOf(Bookmark bookmark, DateTimeOffset? dueAt)
    {
        foreach (var task in OpenTasks.Where(t => t.BookmarkId == bookmark.Id))
        {
            task.DueAt = dueAt;
            if (!AddedTasks.Contains(task) && !RescheduledTasks.Contains(task)) RescheduledTasks.Add(task);
        }
    }

    public void AddTask(HumanTask task)
    {
        OpenTasks.Add(task);
        AddedTasks.Add(task);
    }

    /// <summary>Closes a task; tasks added in this same burst are simply saved closed.</summary>
    public void CloseTask(HumanTask task)
    {
        OpenTasks.Remove(task);
        if (!AddedTasks.Contains(task)) ClosedTasks.Add(task);
    }

    /// <summary>Writes the state back onto the instance row before commit.</summary>
    public void SaveState()
    {
        Instance.StateJson = JsonSerializer.Serialize(State, StateJson.Options);
        Instance.UpdatedAt = Now;
    }
}

/// <summary>The JSON form of <see cref="InstanceState"/>.</summary>
public static class StateJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
